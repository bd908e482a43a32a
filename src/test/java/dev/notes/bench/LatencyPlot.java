package dev.notes.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Latency distributions as cumulative curves on a logarithmic time axis (PNG, drawn with Java 2D so
 * the harness needs no plotting tool): where each curve reaches 0.5 and 0.99 is its p50 and p99.
 */
final class LatencyPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)};

    private final Map<String, double[]> series = new LinkedHashMap<>();
    private final String title;

    LatencyPlot(String title) {
        this.title = title;
    }

    LatencyPlot add(String name, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).sorted().toArray();
        if (sorted.length > 0) {
            series.put(name, sorted);
        }
        return this;
    }

    void write(Path file) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double low = Math.floor(Math.log10(series.values().stream().mapToDouble(s -> s[0]).min().orElse(0.1)));
        double high = Math.ceil(Math.log10(series.values().stream().mapToDouble(s -> s[s.length - 1]).max().orElse(100)));
        if (high <= low) {
            high = low + 1;
        }
        drawAxes(g, low, high);
        int index = 0;
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            Color colour = COLOURS[index % COLOURS.length];
            drawCurve(g, entry.getValue(), low, high, colour);
            g.setColor(colour);
            // Legend bottom right: curves rise from the bottom left, and reach the top on the right.
            int legendY = HEIGHT - BOTTOM - 20 * series.size() - 10 + index * 20;
            g.fillRect(WIDTH - RIGHT - 310, legendY, 14, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(entry.getKey(), WIDTH - RIGHT - 290, legendY + 6);
            index++;
        }
        g.setFont(g.getFont().deriveFont(Font.BOLD, 15f));
        g.drawString(title, LEFT, 24);
        g.dispose();
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawAxes(Graphics2D g, double low, double high) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        g.setColor(new Color(0xdddddd));
        for (double decade = low; decade <= high; decade++) {
            int x = LEFT + (int) ((decade - low) / (high - low) * plotWidth);
            g.drawLine(x, TOP, x, TOP + plotHeight);
        }
        for (double fraction : new double[] {0.5, 0.9, 0.99}) {
            int y = TOP + (int) ((1 - fraction) * plotHeight);
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        for (double decade = low; decade <= high; decade++) {
            int x = LEFT + (int) ((decade - low) / (high - low) * plotWidth);
            g.drawString(String.format(Locale.ROOT, "%s ms", trim(Math.pow(10, decade))), x - 15, TOP + plotHeight + 18);
        }
        for (double fraction : new double[] {0, 0.5, 0.9, 0.99}) {
            int y = TOP + (int) ((1 - fraction) * plotHeight);
            g.drawString(String.format(Locale.ROOT, "%.2f", fraction), 25, y + 5);
        }
        g.drawString("latency (log scale)", LEFT + plotWidth / 2 - 50, HEIGHT - 15);
    }

    private static void drawCurve(Graphics2D g, double[] sorted, double low, double high, Color colour) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int[] xs = new int[sorted.length];
        int[] ys = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            xs[i] = LEFT + (int) ((Math.log10(sorted[i]) - low) / (high - low) * plotWidth);
            ys[i] = TOP + (int) ((1 - (i + 1) / (double) sorted.length) * plotHeight);
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        g.drawPolyline(xs, ys, sorted.length);
    }

    private static String trim(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%.0f", value) : String.valueOf(value).replaceAll("0+$", "");
    }
}
