package io.autocnn.coordinator.report;

import java.util.List;

/**
 * One line of an error plot: its legend, its points (epoch, error in percent), its colour's index in the plot's
 * palette and whether it is dashed (train error, next to a solid test error line of the same colour).
 */
public record PlotLine(String name, List<Point> points, int colorIndex, boolean dashed) {

    /** One point of a line. */
    public record Point(double epoch, double errorPercent) {
    }

    public PlotLine {
        points = List.copyOf(points);
    }
}
