package dev.traced.benchmarks.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.benchmarks.services.ServicePair.Measurement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceReportTest {

  @Test
  void aRatioIsTakenWithinEachRoundAndTheMedianOfTheRoundsReported() {
    ServiceReport report = new ServiceReport();
    rounds(report, ServiceReport.OFF, 100, 200, 100);
    rounds(report, ServiceReport.TRACED, 90, 150, 80);
    rounds(report, ServiceReport.TRACED_NOT_EXPORTED, 100, 200, 100);
    rounds(report, ServiceReport.AGENT, 50, 100, 50);

    String rendered = report.render();

    // 0.90, 0.75 and 0.80: the median is 0.80, where the medians' ratio would read 0.90.
    assertThat(rendered).contains("@Traced / tracing off: 0.80 × (rounds: 0.90, 0.75, 0.80; target ≥ 0.9: **not met**)");
    assertThat(rendered).contains("@Traced / Java agent: 1.60 × (rounds: 1.80, 1.50, 1.60; target > 1: met)");
    assertThat(rendered).contains("| " + ServiceReport.TRACED + " | 90 | 90, 150, 80 |");
  }

  @Test
  void spansNotReceivedAreReportedAsDropped() {
    ServiceReport report = new ServiceReport();
    rounds(report, ServiceReport.TRACED, 100);
    report.spans(ServiceReport.TRACED, 3_000, 2_400);

    assertThat(report.render()).contains("| 0 | 3,000 | 2,400 | 600 |");
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(ServiceReport.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(ServiceReport.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
  }

  private static void rounds(ServiceReport report, String setup, double... requestsPerSecond) {
    for (double rate : requestsPerSecond) {
      Wrk.Result result = new Wrk.Result((long) rate * 30, rate, 0.5, 2.0, 0);
      CpuTime cpu = new CpuTime(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, 80, 20);
      report.load(setup, new Measurement(result, cpu, new ThreadCpu(Map.of())));
    }
  }
}
