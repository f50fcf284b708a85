package org.confab.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static RunResult run(String target, double rate, long... latenciesMicros) {
        Histogram h = Latency.newHistogram();
        for (long v : latenciesMicros) {
            h.recordValue(v);
        }
        Figures f = new Figures().put("deliveries_per_s", rate).put("mode", "flood run");
        Latency.figures(h, "", f);
        return new RunResult("fanout", target, f, h, List.of());
    }

    @Test
    void keyValueLineHasEveryFigureAndNoSpacesInValues() {
        RunResult r = run("floor", 1234.5678, 100, 200, 300);
        assertThat(r.keyValueLine()).isEqualTo(
                "bench workload=fanout target=floor deliveries_per_s=1234.568 mode=flood_run p50_us=200 p90_us=300 p99_us=300 p999_us=300 max_us=300 warnings=0");
    }

    @Test
    void latencyFiguresComeFromTheHistogram() {
        long[] values = new long[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        Figures f = run("confab", 1, values).figures();
        assertThat(f.number("p50_us").getAsDouble()).isEqualTo(500);
        assertThat(f.number("p99_us").getAsDouble()).isEqualTo(990);
        assertThat(f.number("max_us").getAsDouble()).isEqualTo(1000);
    }

    @Test
    void figureKeysAreSnakeCase() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Figures().put("p99 us", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparisonTakesMediansAndConfabOverFloorRatios() {
        Map<String, Boolean> headline = new LinkedHashMap<>();
        headline.put("deliveries_per_s", true);
        headline.put("p99_us", false);
        List<RunResult> floor = List.of(run("floor", 100, 10), run("floor", 300, 30), run("floor", 200, 20));
        List<RunResult> confab = List.of(run("confab", 50, 40), run("confab", 150, 60), run("confab", 100, 50));
        Comparison c = Comparison.of("fanout", headline, floor, confab);
        assertThat(c.medians().get("deliveries_per_s")).containsExactly(200, 100, 0.5);
        assertThat(c.medians().get("p99_us")).containsExactly(20, 50, 2.5);
        assertThat(c.keyValueLine()).startsWith("compare workload=fanout runs=3 deliveries_per_s_floor=200 deliveries_per_s_confab=100 deliveries_per_s_ratio=0.500");
        assertThat(c.summary()).contains("(lower is better)");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Comparison.median(List.of(run("a", 1), run("a", 2), run("a", 3), run("a", 10)), "deliveries_per_s")).isEqualTo(2.5);
        assertThat(Comparison.median(List.of(), "deliveries_per_s")).isNaN();
    }

    @Test
    void htmlReportIsSelfContainedWithAChartPerWorkload(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        List<RunResult> runs = List.of(run("floor", 100, 10, 20, 5000), run("confab", 50, 30, 40, 900));
        HtmlReport.write(file, runs, List.of());
        String html = Files.readString(file);
        assertThat(html).contains("<svg", "<polyline", "99.9%", "1: floor", "2: confab", "deliveries_per_s");
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "<script src");
        assertThat(html.split("<polyline", -1)).hasSize(3);
    }

    @Test
    void htmlEscapesWhatItShows() {
        RunResult r = new RunResult("w<1>", "t&t", new Figures(), Latency.newHistogram(), List.of("a <b>"));
        String html = HtmlReport.render(List.of(r), List.of());
        assertThat(html).contains("w&lt;1&gt;", "t&amp;t", "a &lt;b&gt;", "no latency recorded");
    }

    @Test
    void axisLabels() {
        assertThat(HtmlReport.percentileLabel(0)).isEqualTo("0%");
        assertThat(HtmlReport.percentileLabel(2)).isEqualTo("99%");
        assertThat(HtmlReport.percentileLabel(4)).isEqualTo("99.99%");
        assertThat(HtmlReport.micros(999)).isEqualTo("999 µs");
        assertThat(HtmlReport.micros(2500)).isEqualTo("2.500 ms");
        assertThat(HtmlReport.micros(3_000_000)).isEqualTo("3 s");
    }
}
