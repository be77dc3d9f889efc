package dev.flowlet.local;

import java.util.List;

/**
 * What "stays flat" means in a soak: the mean of the last third of the samples is within the
 * allowance of the first third's mean, and the least-squares line through all samples rises by no
 * more than the allowance over the whole run. The allowance is {@code relative} of the first
 * third's mean or {@code absolute}, whichever is larger (a lag that wobbles between 0 and 30 is
 * flat; one that climbs from 30 to 3,000 is not).
 *
 * @param firstThird mean of the first third
 * @param lastThird mean of the last third
 * @param riseOverRun slope of the fitted line times the run's sample span
 * @param allowance the rise allowed
 */
record Flatness(double firstThird, double lastThird, double riseOverRun, double allowance) {

  static Flatness of(List<Double> values, double relative, double absolute) {
    int third = Math.max(1, values.size() / 3);
    double first = mean(values.subList(0, third));
    double last = mean(values.subList(values.size() - third, values.size()));
    double allowance = Math.max(Math.abs(first) * relative, absolute);
    return new Flatness(first, last, slope(values) * (values.size() - 1), allowance);
  }

  boolean flat() {
    return lastThird - firstThird <= allowance && riseOverRun <= allowance;
  }

  String describe() {
    return "first third %.1f, last third %.1f, fitted rise over the run %.1f, allowed %.1f: %s"
        .formatted(firstThird, lastThird, riseOverRun, allowance, flat() ? "flat" : "GROWING");
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static double slope(List<Double> values) {
    int n = values.size();
    if (n < 2) {
      return 0;
    }
    double meanX = (n - 1) / 2.0;
    double meanY = mean(values);
    double numerator = 0;
    double denominator = 0;
    for (int i = 0; i < n; i++) {
      numerator += (i - meanX) * (values.get(i) - meanY);
      denominator += (i - meanX) * (i - meanX);
    }
    return numerator / denominator;
  }
}
