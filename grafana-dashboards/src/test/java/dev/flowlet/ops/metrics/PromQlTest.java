package dev.flowlet.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void readsTheMetricOfAnAggregatedRateAndNotItsLabels() {
    assertThat(
            PromQl.metricNames(
                "sum by (application, status) (rate(http_server_requests_seconds_count{uri!~\"/health.*|/metrics\", status=~\"5..\"}[5m]))"))
        .containsExactly("http_server_requests_seconds_count");
  }

  @Test
  void readsBothSidesOfBinaryOperatorsAndSetOperations() {
    assertThat(
            PromQl.metricNames(
                "sum(rate(a_total[10m])) > 0 unless on(job) sum(rate(b_total[10m])) > 0 and c / d"))
        .containsExactlyInAnyOrder("a_total", "b_total", "c", "d");
  }

  @Test
  void ignoresNumbersDurationsOffsetsAndFunctions() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.99, sum(rate(x_bucket[5m])) without (instance)) > 1e3"
                    + " or time() - y_seconds offset 1h > 3600"))
        .containsExactlyInAnyOrder("x_bucket", "y_seconds");
  }

  @Test
  void ignoresStringArgumentsOfLabelReplace() {
    assertThat(
            PromQl.metricNames(
                "label_replace(open_age{severity=~\"HIGH\"}, \"alert_severity\", \"$1\", \"severity\", \"(.*)\")"))
        .containsExactly("open_age");
  }

  @Test
  void acceptsGrafanaVariables() {
    assertThat(
            PromQl.metricNames(
                "sum(increase(z_total{application=~\"$application\", instance=~\"${instance}\"}[$__rate_interval])) / sum(increase(w_total[$__range]))"))
        .containsExactlyInAnyOrder("z_total", "w_total");
  }

  @Test
  void readsRecordingRuleNamesWithColons() {
    assertThat(PromQl.metricNames("application:http_server_requests_5xx:ratio_rate5m > 0.05"))
        .containsExactly("application:http_server_requests_5xx:ratio_rate5m");
  }

  @Test
  void readsTheSelectorOfALabelValuesVariable() {
    assertThat(
            PromQl.metricNamesOfVariableQuery(
                "label_values(process_uptime_seconds{application=~\"$application\"}, instance)"))
        .containsExactly("process_uptime_seconds");
  }
}
