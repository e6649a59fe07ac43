package com.jobsconsole.gateway;

import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.Page;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A target with what the user said of it ({@link TargetMarks}): every call goes to the target, its marks
 * are one more capability, and when it is read-only every write of jobs is refused here — before anything is
 * sent or stored — whichever program or view asked (issue 22). Bulk writes ({@link BulkJobStore}) are not
 * offered by a read-only target.
 */
public final class MarkedGateway implements JobGateway {

    private final JobGateway target;
    private final TargetMarks marks;

    private MarkedGateway(JobGateway target, TargetMarks marks) {
        this.target = target;
        this.marks = marks;
    }

    /** {@code target} with its marks, or {@code target} itself when there is nothing to mark. */
    public static JobGateway of(JobGateway target, TargetMarks marks) {
        return marks == null || !marks.any() ? target : new MarkedGateway(target, marks);
    }

    private void writing() {
        if (marks.readOnly()) {
            throw new ReadOnlyException(marks.name());
        }
    }

    @Override
    public Job create(JobDraft draft) {
        writing();
        return target.create(draft);
    }

    @Override
    public Job read(UUID guid) {
        return target.read(guid);
    }

    @Override
    public void updateStatus(UUID guid, int status) {
        writing();
        target.updateStatus(guid, status);
    }

    @Override
    public boolean updateStatusFrom(UUID guid, int from, int status) {
        writing();
        return target.updateStatusFrom(guid, from, status);
    }

    @Override
    public void delete(UUID guid) {
        writing();
        target.delete(guid);
    }

    @Override
    public Page<Job> query(JobQuery query) {
        return target.query(query);
    }

    @Override
    public List<Job> page(JobQuery query) {
        return target.page(query);
    }

    @Override
    public Map<Integer, Long> countByStatus() {
        return target.countByStatus();
    }

    @Override
    public Map<Integer, Long> countByStatus(JobQuery filter) {
        return target.countByStatus(filter);
    }

    @Override
    public Map<String, Long> countByCreated(JobQuery filter, boolean hourly) {
        return target.countByCreated(filter, hourly);
    }

    @Override
    public List<JobEvent> history(UUID guid) {
        return target.history(guid);
    }

    @Override
    public List<Job> ranBetween(JobQuery filter, LocalDateTime from, LocalDateTime to, int limit) {
        return target.ranBetween(filter, from, to, limit);
    }

    @Override
    public Map<Long, long[]> startsPerRobot(JobQuery filter, LocalDateTime from, LocalDateTime to, int buckets) {
        return target.startsPerRobot(filter, from, to, buckets);
    }

    @Override
    public Map<Integer, Long> countByType() {
        return target.countByType();
    }

    @Override
    public <T> Optional<T> capability(Class<T> kind) {
        if (kind == TargetMarks.class) {
            return Optional.of(kind.cast(marks));
        }
        if (kind == BulkJobStore.class && marks.readOnly()) {
            return Optional.empty();
        }
        return target.capability(kind);
    }

    @Override
    public Optional<Job> find(UUID guid) {
        return target.find(guid);
    }

    @Override
    public String target() {
        return target.target();
    }

    @Override
    public void close() {
        target.close();
    }
}
