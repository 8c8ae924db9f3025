package io.fleetcare.api.ticket.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Service-level targets, {@code fleetcare.sla.*}. The defaults are the targets written in the seeds:
 * respond to a request within 24 h (seed 000 "四、服务标准 1. 响应时间", seed 004 §3.2.2) and be on site
 * within 24 h (seed 004 §3.2.2 "24 小时内到达现场处理").
 */
@ConfigMapping(prefix = "fleetcare.sla")
public interface SlaConfig {

    /** How long after registration a ticket must be acknowledged. */
    @WithDefault("PT24H")
    @DurationMin(minutes = 1)
    Duration respondWithin();

    /** How long after registration an engineer must be on site. */
    @WithDefault("PT24H")
    @DurationMin(minutes = 1)
    Duration onSiteWithin();
}
