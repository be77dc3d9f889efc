package dev.flowlet.batch.gdpr;

import java.util.Set;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link RequestOutcome} to every GDPR job as it is created, so that each job's own
 * configuration stays about its steps and no job can forget to report its request's outcome.
 */
@Component
class RequestOutcomeRegistration implements BeanPostProcessor {

  private static final Set<String> JOBS = Set.of(GdprJobs.EXPORT, GdprJobs.ERASURE);

  private final ObjectProvider<RequestOutcome> outcome;

  RequestOutcomeRegistration(ObjectProvider<RequestOutcome> outcome) {
    this.outcome = outcome;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof AbstractJob job && JOBS.contains(job.getName())) {
      job.registerJobExecutionListener(outcome.getObject());
    }
    return bean;
  }
}
