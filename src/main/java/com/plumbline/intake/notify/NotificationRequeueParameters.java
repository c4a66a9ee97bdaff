package com.plumbline.intake.notify;

import java.time.Clock;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The {@code :before} parameter of the {@code Notification.unqueued} query, read from the
 * injectable clock at every poll: a notification is re-queued only once it has had
 * {@code intake.notify.requeue.after} to reach its queue the ordinary way.
 */
@Component("notificationRequeueParameters")
public class NotificationRequeueParameters extends AbstractMap<String, Object> {

    private final Clock clock;
    private final NotifyProperties properties;

    public NotificationRequeueParameters(Clock clock, NotifyProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of(Map.entry("before", clock.instant().minus(properties.requeue().after())));
    }
}
