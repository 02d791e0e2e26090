package dev.rapport.inbox.web;

import dev.rapport.inbox.InboxMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbox metrics over time as an SVG bar chart: per day (or week) the conversations that began,
 * the answered part of each bar filled; coordinates in a {@value #WIDTH} × {@value #HEIGHT} view box.
 */
record MetricsChart(List<Bar> bars, int max) {

    static final int WIDTH = 700;
    static final int HEIGHT = 160;

    record Bar(
            String label,
            int conversations,
            int answered,
            int responseRate,
            double x,
            double width,
            double y,
            double height,
            double answeredY,
            double answeredHeight) {}

    static MetricsChart of(List<InboxMetrics.Figures> over) {
        int max = Math.max(
                1,
                over.stream()
                        .mapToInt(InboxMetrics.Figures::conversations)
                        .max()
                        .orElse(0));
        double slot = over.isEmpty() ? WIDTH : (double) WIDTH / over.size();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < over.size(); i++) {
            InboxMetrics.Figures figures = over.get(i);
            double height = (double) HEIGHT * figures.conversations() / max;
            double answered = (double) HEIGHT * figures.answered() / max;
            bars.add(new Bar(
                    figures.group(),
                    figures.conversations(),
                    figures.answered(),
                    figures.responseRate(),
                    i * slot + slot * 0.1,
                    slot * 0.8,
                    HEIGHT - height,
                    height,
                    HEIGHT - answered,
                    answered));
        }
        return new MetricsChart(bars, max);
    }
}
