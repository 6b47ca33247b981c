package io.autocnn.space.objective;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParetoFrontTest {

    record Point(String name, double error, double params) {
    }

    @Test
    void keepsExactlyTheNonDominatedPoints() {
        List<Point> points = List.of(
                new Point("small-bad", 0.30, 1_000),
                new Point("big-good", 0.10, 100_000),
                new Point("medium", 0.15, 10_000),
                new Point("dominated-by-medium", 0.20, 20_000),
                new Point("same-error-bigger", 0.10, 200_000),
                new Point("tie-with-medium", 0.15, 10_000));
        assertThat(ParetoFront.of(points, Point::error, Point::params)).extracting(Point::name)
                .containsExactly("big-good", "medium", "tie-with-medium", "small-bad");
    }

    @Test
    void emptyAndSingleInputs() {
        assertThat(ParetoFront.of(List.<Point>of(), Point::error, Point::params)).isEmpty();
        Point only = new Point("only", 0.5, 5);
        assertThat(ParetoFront.of(List.of(only), Point::error, Point::params)).containsExactly(only);
    }
}
