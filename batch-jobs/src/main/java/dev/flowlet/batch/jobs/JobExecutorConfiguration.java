package dev.flowlet.batch.jobs;

import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Jobs run on their own bounded pool, so that starting one answers at once with its execution id
 * (202) and a burst of starts cannot exhaust the server.
 */
@Configuration(proxyBeanMethods = false)
class JobExecutorConfiguration {

  @Bean
  @BatchTaskExecutor
  TaskExecutor batchTaskExecutor(JobsSettings settings) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(settings.maxConcurrent());
    executor.setMaxPoolSize(settings.maxConcurrent());
    executor.setQueueCapacity(settings.queueCapacity());
    executor.setThreadNamePrefix("job-");
    executor.setWaitForTasksToCompleteOnShutdown(false);
    executor.initialize();
    return executor;
  }
}
