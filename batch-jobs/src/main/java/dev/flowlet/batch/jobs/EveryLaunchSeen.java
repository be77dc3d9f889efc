package dev.flowlet.batch.jobs;

import java.util.Set;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Tells {@link RunningExecutions} of every execution launched through the {@link JobOperator},
 * whoever launches it (the jobs API, a schedule, the GDPR claimer, crash recovery). An execution
 * exists from its launch, but a job listener hears of it only when a worker thread takes it from
 * the queue, which can be long after {@code stale-after} when the queue is full; without this, such
 * a queued execution would look crashed to {@link CrashedExecutions}.
 */
@Component
class EveryLaunchSeen implements BeanPostProcessor {

  private static final Set<String> LAUNCHES =
      Set.of("start", "run", "restart", "startNextInstance");

  private final ObjectProvider<RunningExecutions> running;

  EveryLaunchSeen(ObjectProvider<RunningExecutions> running) {
    this.running = running;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof JobOperator)) {
      return bean;
    }
    ProxyFactory proxy = new ProxyFactory(bean);
    proxy.addAdvice(
        (MethodInterceptor)
            invocation -> {
              Object result = invocation.proceed();
              if (result instanceof JobExecution execution
                  && LAUNCHES.contains(invocation.getMethod().getName())) {
                running.getObject().launched(execution);
              }
              return result;
            });
    return proxy.getProxy();
  }
}
