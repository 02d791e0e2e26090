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
import org.springframework.context.SmartLifecycle;
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
        event.getApplicationContext().getBean(SchedulerPause.class).started();
    }

    @Bean
    SchedulerPause schedulerPause(Scheduler scheduler) {
        return new SchedulerPause(scheduler);
    }

    /**
     * Pauses the scheduler while its application context is stopped, and resumes it when the
     * context starts again. A stopped context's listener threads are paused too: a task run meanwhile
     * would publish events that no listener takes until the context resumes (the test framework
     * stops the contexts it caches but is not using, and they share the tests' database).
     */
    static final class SchedulerPause implements SmartLifecycle {

        private final Scheduler scheduler;
        private volatile boolean started;
        private volatile boolean running;

        SchedulerPause(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        /** The first start, once the application is ready. */
        void started() {
            scheduler.start();
            started = true;
            running = true;
        }

        @Override
        public void start() {
            if (started && !running) {
                scheduler.resume();
            }
            running = true;
        }

        @Override
        public void stop() {
            if (started && running) {
                scheduler.pause();
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
