package com.jobsconsole.base;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class NoAnswerPolicyTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private void pass(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aBreakerOpensAfterThreeInARowLetsOneTryThroughAfterADoublingCoolDownAndClosesOnAnAnswer() {
        NoAnswerPolicy b = NoAnswerPolicy.breaker(now::get);
        b.noAnswer();
        b.noAnswer();
        b.answered(); // an answer breaks the row
        b.noAnswer();
        b.noAnswer();
        assertThat(b.isOpen()).isFalse();
        assertThat(b.allows()).isTrue();
        b.noAnswer();
        assertThat(b.isOpen()).isTrue();
        assertThat(b.allows()).as("cooling down").isFalse();
        assertThat(b.secondsToWait()).isEqualTo(5);
        pass(Duration.ofSeconds(5));
        assertThat(b.allows()).as("one try through").isTrue();
        assertThat(b.allows()).as("the rest wait for its answer").isFalse();
        b.noAnswer();
        assertThat(b.secondsToWait()).as("doubled").isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            pass(Duration.ofMinutes(5));
            assertThat(b.allows()).isTrue();
            b.noAnswer();
        }
        assertThat(b.secondsToWait()).as("at most two minutes").isEqualTo(120);
        b.letOneThrough();
        assertThat(b.allows()).as("a run asked for probes at once").isTrue();
        b.answered();
        assertThat(b.isOpen()).isFalse();
        assertThat(b.allows()).isTrue();
        assertThat(b.allows()).isTrue();
    }

    @Test
    void periodicRoundsComeAfterTheIntervalAndLessOftenWhileThereIsNoAnswer() {
        NoAnswerPolicy p = NoAnswerPolicy.periodic(now::get, Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(p.allows()).as("the first round at once").isTrue();
        p.answered();
        assertThat(p.allows()).isFalse();
        pass(Duration.ofSeconds(5));
        assertThat(p.allows()).isTrue();
        p.noAnswer();
        assertThat(p.secondsToWait()).isEqualTo(10);
        pass(Duration.ofSeconds(9));
        assertThat(p.allows()).isFalse();
        pass(Duration.ofSeconds(1));
        assertThat(p.allows()).isTrue();
        p.noAnswer();
        assertThat(p.secondsToWait()).isEqualTo(20);
        pass(Duration.ofSeconds(20));
        assertThat(p.allows()).isTrue();
        p.noAnswer();
        assertThat(p.secondsToWait()).as("capped").isEqualTo(30);
        pass(Duration.ofSeconds(30));
        assertThat(p.allows()).isTrue();
        p.answered();
        assertThat(p.secondsToWait()).as("back to the interval").isEqualTo(5);
    }
}
