package dev.flowlet.batch.audit;

import java.util.stream.Collectors;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Registers {@link JobRunAuditing} on every job of the app, so that a job added later is audited
 * without anyone remembering to add the listener, and lets every job's validator ignore the
 * launcher parameters.
 */
@Component
class EveryJobAudited implements BeanPostProcessor {

  private final ObjectProvider<JobRunAuditing> auditing;

  EveryJobAudited(ObjectProvider<JobRunAuditing> auditing) {
    this.auditing = auditing;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof AbstractJob job) {
      job.registerJobExecutionListener(auditing.getObject());
      JobParametersValidator validator = job.getJobParametersValidator();
      job.setJobParametersValidator(parameters -> validator.validate(withoutLauncher(parameters)));
    }
    return bean;
  }

  /**
   * The parameters a job itself declares: a job's own validator may refuse keys it does not know,
   * and the launcher's name is the audit trail's business, not the job's.
   */
  static JobParameters withoutLauncher(JobParameters parameters) {
    return new JobParameters(
        parameters.parameters().stream()
            .filter(
                parameter ->
                    !parameter.name().equals(JobRunAuditing.LAUNCHED_BY)
                        && !parameter.name().equals(JobRunAuditing.LAUNCHED_AS))
            .collect(Collectors.toSet()));
  }
}
