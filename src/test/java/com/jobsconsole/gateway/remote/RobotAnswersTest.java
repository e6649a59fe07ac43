package com.jobsconsole.gateway.remote;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The orchestrator's robot list, read loosely; a robot whose answer carries no numeric id stays unnamed. */
class RobotAnswersTest {

    @Test
    void idsAsNumbersOrDigitsAndAnyCaseOfKeysAndNoIdIsNoId() throws Exception {
        List<RobotAnswers.Robot> robots = RobotAnswers.parse("""
                [ {"id": 25, "GUID": "g-1", "Name": "WS-FIN-07", "Machine": "vm-fin-07"},
                  {"ID": "26", "name": "WS-FIN-08"},
                  {"GUID": "g-3", "Name": "no id here"},
                  {"id": "robot-4", "Name": "an id that is not a number"},
                  {"id": 0, "Name": "zero"},
                  42 ]""");
        assertThat(robots).hasSize(5);
        assertThat(robots.get(0)).isEqualTo(new RobotAnswers.Robot(25L, "g-1", "WS-FIN-07", "vm-fin-07"));
        assertThat(robots.get(1).id()).isEqualTo(26L);
        assertThat(robots.subList(2, 5)).allSatisfy(r -> assertThat(r.id()).isNull());
    }

    @Test
    void aListInsideAnObjectAndOneRobotAloneAreRead() throws Exception {
        assertThat(RobotAnswers.parse("{\"data\": [{\"id\": 1, \"Name\": \"A\"}]}")).singleElement()
                .satisfies(r -> assertThat(r.name()).isEqualTo("A"));
        assertThat(RobotAnswers.parse("{\"id\": 2, \"Name\": \"B\"}")).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(2L));
    }

    @Test
    void whatIsNotAListOfRobotsIsRefused() {
        assertThatThrownBy(() -> RobotAnswers.parse("<html>Not found</html>")).isInstanceOf(RobotAnswers.Unreadable.class);
        assertThatThrownBy(() -> RobotAnswers.parse("{\"status\": \"ok\"}")).isInstanceOf(RobotAnswers.Unreadable.class);
    }
}
