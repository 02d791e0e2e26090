package dev.rapport.core.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * db-scheduler, wired by hand (its Boot starter does nothing on Boot 4): every {@link Task} bean of
 * any module is known to it, every {@link RecurringTask} is scheduled, and it starts once the
 * application is ready. Tasks are row-locked in {@code scheduled_tasks}, so on several nodes each
 * due execution runs on exactly one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "rapport.scheduler.enabled", matchIfMissing = true)
class SchedulerConfig {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            List<RecurringTask<?>> recurring,
            @Value("${rapport.scheduler.threads:10}") int threads,
            @Value("${rapport.scheduler.polling-interval:5s}") Duration pollingInterval,
            @Value("${rapport.scheduler.heartbeat:10s}") Duration heartbeat) {
        List<Task<?>> oneTime =
                tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        // Threads mostly wait on networks (a publication is one call); a node that stops heart-beating
        // for six intervals is dead, and its executions run again elsewhere.
        return Scheduler.create(dataSource, oneTime)
                .startTasks(recurring)
                .threads(threads)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(6)
                .enableImmediateExecution()
                .registerShutdownHook()
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(Scheduler.class).start();
    }
}
