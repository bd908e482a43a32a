package dev.notes.bench;

import dev.notes.bench.Stats.Spread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, written as {@code report.md} (tables) and {@code results.csv}. */
final class Report {

    /** One measured figure: what, how much (median and range over rounds), and what it is aiming at. */
    record Figure(String section, String name, Spread value, String unit, String goal) {
    }

    static final String PROFILES_SECTION = "9. Where the time and the memory go";

    private final Map<String, String> setting = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Profile.Summary> profiles = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    /** A breakdown that explains a figure: a title, column names, and rows of cells. */
    record Table(String title, List<String> columns, List<List<String>> rows) {
    }

    /** A table that is a section of its own, after the figures: the table's title heads it, an introduction explains it. */
    record Section(String introduction, Table table) {
    }

    void setting(String name, String value) {
        setting.put(name, value);
    }

    void add(String section, String name, Spread value, String unit, String goal) {
        figures.add(new Figure(section, name, value, unit, goal));
    }

    void add(String section, String name, double value, String unit, String goal) {
        add(section, name, Spread.single(value), unit, goal);
    }

    /** A profile of one scenario, reported after the figures it explains. */
    void profile(Profile.Summary summary) {
        profiles.add(summary);
    }

    /** A breakdown, reported with the profiles. */
    void table(Table table) {
        tables.add(table);
    }

    /** A section of its own (the comparison with the Spring peer), reported after the numbered figures. */
    void section(String introduction, Table table) {
        sections.add(new Section(introduction, table));
    }

    List<Section> sections() {
        return List.copyOf(sections);
    }

    List<Profile.Summary> profiles() {
        return List.copyOf(profiles);
    }

    void note(String text) {
        notes.add(text);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    Figure figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No figure " + name));
    }

    void write(Path directory, String plotFile) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("report.md"), markdown(plotFile));
            Files.writeString(directory.resolve("results.csv"), csv());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown(String plotFile) {
        StringBuilder md = new StringBuilder("# Notes benchmark\n\n| setting | value |\n|---|---|\n");
        setting.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        String section = null;
        // Sections are numbered ("1. …"); measured in another order, reported in theirs.
        List<Figure> bySection = figures.stream().sorted(Comparator.comparing(Figure::section)).toList();
        for (Figure figure : bySection) {
            if (!figure.section().equals(section)) {
                section = figure.section();
                md.append("\n## ").append(section).append("\n\n")
                        .append("| figure | median | min–max | rounds | goal |\n|---|---:|---:|---:|---|\n");
            }
            Spread v = figure.value();
            md.append("| ").append(figure.name())
                    .append(" | ").append(number(v.median())).append(' ').append(figure.unit())
                    .append(" | ").append(v.rounds() > 1 ? number(v.min()) + "–" + number(v.max()) : "")
                    .append(" | ").append(v.rounds())
                    .append(" | ").append(figure.goal() == null ? "" : figure.goal()).append(" |\n");
        }
        if (plotFile != null) {
            md.append("\n![Latency of a change reaching a browser](").append(plotFile).append(")\n");
        }
        for (Section extra : sections) {
            md.append("\n## ").append(extra.table().title()).append("\n\n").append(extra.introduction()).append("\n");
            appendRows(md, extra.table());
        }
        if (!profiles.isEmpty() || !tables.isEmpty()) {
            md.append("\n## ").append(PROFILES_SECTION).append("\n\n")
                    .append("JDK Flight Recorder on the server while it did the work (a sample of each running thread")
                    .append(" every 10 ms); a part's share counts every sample with that part anywhere on the stack,")
                    .append(" so nested parts overlap.\n");
        }
        for (Profile.Summary profile : profiles) {
            md.append("\n### ").append(profile.scenario()).append("\n\n")
                    .append(String.format(Locale.ROOT, "%,d samples; the recorded JVM used %s %% of the machine's CPU"
                                    + " (the machine as a whole %s %%); GC pauses %s ms per second.%n%n",
                            profile.samples(), number(profile.jvmCpuPercent()), number(profile.machineCpuPercent()),
                            number(profile.gcPauseMillisPerSecond())))
                    .append("| part of the work | share of samples |\n|---|---:|\n");
            profile.costCentres().forEach(share -> md.append("| ").append(share.name()).append(" | ")
                    .append(number(share.value())).append(" % |\n"));
            md.append("\nHottest methods (own time): ");
            md.append(String.join(", ", profile.hottestMethods().stream()
                    .map(share -> "`" + share.name() + "` " + number(share.value()) + " %").toList())).append(".\n");
        }
        for (Table table : tables) {
            md.append("\n### ").append(table.title()).append("\n");
            appendRows(md, table);
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private static void appendRows(StringBuilder md, Table table) {
        md.append("\n| ").append(String.join(" | ", table.columns()))
                .append(" |\n|---").append("|---:".repeat(table.columns().size() - 1)).append("|\n");
        table.rows().forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
    }

    String csv() {
        StringBuilder csv = new StringBuilder("section,figure,median,min,max,rounds,unit,goal\n");
        for (Figure figure : figures) {
            Spread v = figure.value();
            csv.append(quoted(figure.section())).append(',').append(quoted(figure.name())).append(',')
                    .append(plain(v.median())).append(',').append(plain(v.min())).append(',').append(plain(v.max()))
                    .append(',').append(v.rounds()).append(',').append(quoted(figure.unit())).append(',')
                    .append(quoted(figure.goal() == null ? "" : figure.goal())).append('\n');
        }
        return csv.toString();
    }

    /** Three significant digits at most, thousands separated: what a reader compares. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        } else if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        } else if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String plain(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
