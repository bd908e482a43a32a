package dev.notes.bench;

import dev.notes.it.support.Command;
import dev.notes.it.support.LibertyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JVM's CPU goes during one scenario: a JDK Flight Recorder recording of a server (started
 * and stopped with {@code jcmd}) or of the load client itself, summarised as the share of execution samples spent in
 * named parts of the stack (Faces rendering, container security, the session store…) and the
 * hottest methods. This is what explains a figure that misses its goal.
 */
final class Profile {

    /** A named part of the work, recognised by a frame anywhere in a sampled stack. */
    private record CostCentre(String name, Pattern frame) {
    }

    /** One line of a summary: a name and a share of the samples in percent, or a size in MiB. */
    record Share(String name, double value) {
    }

    /** The summary of one recording. */
    record Summary(String scenario, int samples, List<Share> costCentres, List<Share> hottestMethods,
                   double jvmCpuPercent, double machineCpuPercent, double gcPauseMillisPerSecond) {
    }

    private static final List<CostCentre> COST_CENTRES = List.of(
            centre("Faces: rendering the view", "org.apache.myfaces.lifecycle.RenderResponseExecutor.execute"),
            centre("Faces: ui:repeat rows", "org.apache.myfaces.view.facelets.component.UIRepeat.encodeChildren"),
            centre("Faces: the comment rows (CommentList)", "dev.notes.web.CommentList.encodeBegin"),
            centre("Faces: EL evaluation", "org.apache.el.ValueExpressionImpl.getValue"),
            centre("Faces: building the view", "org.apache.myfaces.view.facelets.FaceletViewDeclarationLanguage.buildView"),
            centre("Faces: client-side view state (encrypt, MAC)",
                    "org.apache.myfaces.application.viewstate.StateTokenProcessorClientSide.encode"),
            centre("writing the response (Liberty's buffered writer)", "com.ibm.wsspi.webcontainer.util.BufferedWriter.write"),
            centre("Liberty's access log (ACCESS_LOG_ENABLED)",
                    "com.ibm.ws.http.channel.internal.inbound.HttpInboundServiceContextImpl.logFinalResponse"),
            centre("container security (JASPI, every request)",
                    "com.ibm.ws.webcontainer.security.WebAppSecurityCollaboratorImpl.preInvoke"),
            centre("LTPA token signing", "com.ibm.ws.security.token.ltpa.internal.LTPAToken2.sign"),
            centre("HTTP session: load", "com.ibm.ws.webcontainer.srt.SRTServletRequest.getSession"),
            centre("HTTP session: store at the end of the request", "com.ibm.ws.session.SessionContext.sessionPostInvoke"),
            centre("Redisson (any Redis call)", "org.redisson.command.CommandAsyncService.*"),
            centre("JPA (EclipseLink)", "org.eclipse.persistence.*"),
            centre("JDBC (PostgreSQL driver)", "org.postgresql.*"),
            centre("transaction commit", "com.ibm.tx.*.commit"),
            centre("Bean Validation", "org.hibernate.validator.*"),
            centre("JSON-B (Yasson)", "org.eclipse.yasson.*"),
            centre("live: publishing to Redis", "dev.notes.cluster.RedisEventPublisher.publish"),
            centre("live: delivering to this instance's sockets", "dev.notes.live.LiveDelivery.deliver"),
            centre("WebSocket (Liberty)", "com.ibm.ws.wsoc.*"),
            centre("load client: WebSocket frames (JDK)", "jdk.internal.net.http.websocket.*"),
            centre("load client: its listeners", "dev.notes.bench.LiveLoad*"),
            centre("start: class loading", "java.lang.ClassLoader.loadClass"),
            centre("start: OSGi bundle resolution", "org.eclipse.osgi.container.ModuleContainer.resolve*"),
            centre("start: CDI (Weld) container", "com.ibm.ws.cdi.impl.CDIContainerImpl.startInitialization"),
            centre("start: MyFaces", "org.apache.myfaces.webapp.FacesInitializerImpl.initFaces"),
            centre("start: JPA persistence unit", "org.eclipse.persistence.internal.jpa.EntityManagerSetupImpl.deploy"),
            centre("start: Flyway", "org.flywaydb.*"));

    /** Shares below this are left out: they explain nothing. */
    private static final double SHOWN_FROM_PERCENT = 1.0;
    private static final int HOTTEST_METHODS = 8;
    /** The name a frame without its method counts under (see {@link #method}). */
    static final String UNKNOWN_METHOD = "(method not recorded)";
    /**
     * Tries at reading a recording, half a second apart: a recording begun at JVM start was still
     * unreadable 5 s after jcmd stopped it on a slower machine (and complete a minute later).
     */
    private static final int READ_ATTEMPTS = 60;
    private static final Duration READ_RETRY_PAUSE = Duration.ofMillis(500);
    /** Native memory categories below a MiB are left out, for the same reason. */
    private static final long SHOWN_FROM_KIB = 1024;
    private static final Pattern NMT_CATEGORY = Pattern.compile(
            "^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);

    private final Path file;
    private final Runnable stopRecording;

    private Profile(Path file, Runnable stopRecording) {
        this.file = file;
        this.stopRecording = stopRecording;
    }

    private static CostCentre centre(String name, String frameGlob) {
        return new CostCentre(name, Pattern.compile(Pattern.quote(frameGlob).replace("*", "\\E.*\\Q")));
    }

    /** Starts recording the server's samples now (JFR's "profile" settings: a sample every 10 ms). */
    static Profile start(LibertyServer server, String name, Path directory) {
        Path file = recordingFile(name, directory);
        jcmd(server, "JFR.start", "name=" + name, "settings=profile", "filename=" + file);
        return new Profile(file, () -> jcmd(server, "JFR.stop", "name=" + name));
    }

    /** Starts recording this JVM, the load client's, with the same settings. */
    static Profile startHere(String name, Path directory) {
        Path file = recordingFile(name, directory);
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setDestination(file);
            recording.start();
            return new Profile(file, () -> {
                recording.stop();
                recording.close();
            });
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot record this JVM", e);
        }
    }

    /**
     * The options that make a server record from its very first moment, for profiling a start:
     * pass them as {@code JVM_ARGS}, then {@link #attach} once it is up.
     */
    static String startupRecordingOptions(String name, Path directory) {
        return "-XX:StartFlightRecording=name=" + name + ",settings=profile,filename=" + recordingFile(name, directory);
    }

    /**
     * A recording that {@link #startupRecordingOptions} began when the server started, dumped to a
     * file of its own before it is stopped: Liberty's scripts start short-lived JVMs of their own
     * with the same {@code JVM_ARGS}, and each of those records into the start recording's file too,
     * which then cannot be read.
     */
    static Profile attach(LibertyServer server, String name, Path directory) {
        Path dump = recordingFile(name + "-dump", directory);
        return new Profile(dump, () -> {
            jcmd(server, "JFR.dump", "name=" + name, "filename=" + dump);
            jcmd(server, "JFR.stop", "name=" + name);
        });
    }

    private static Path recordingFile(String name, Path directory) {
        return directory.resolve(name + ".jfr").toAbsolutePath();
    }

    /** Stops recording and summarises what was recorded. */
    Summary stop(String scenario) {
        stopRecording.run();
        // A recording begun at JVM start can still be being written when jcmd returns: a few more tries.
        for (int attempt = 1; ; attempt++) {
            try {
                return summarise(scenario, file);
            } catch (UncheckedIOException unfinished) {
                if (attempt == READ_ATTEMPTS) {
                    throw unfinished;
                }
                try {
                    Thread.sleep(READ_RETRY_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    static Summary summarise(String scenario, Path recording) {
        Map<String, Integer> inCentre = new LinkedHashMap<>();
        Map<String, Integer> selfTime = new HashMap<>();
        int samples = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        int cpuReadings = 0;
        double gcPauseMillis = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (RecordingFile events = new RecordingFile(recording)) {
            while (events.hasMoreEvents()) {
                RecordedEvent event = events.readEvent();
                long at = event.getStartTime().toEpochMilli();
                first = Math.min(first, at);
                last = Math.max(last, at);
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        List<RecordedFrame> frames = event.getStackTrace().getFrames();
                        selfTime.merge(method(frames.get(0)), 1, Integer::sum);
                        Set<String> centres = new HashSet<>();
                        for (RecordedFrame frame : frames) {
                            String method = method(frame);
                            for (CostCentre centre : COST_CENTRES) {
                                if (centre.frame().matcher(method).matches()) {
                                    centres.add(centre.name());
                                }
                            }
                        }
                        centres.forEach(centre -> inCentre.merge(centre, 1, Integer::sum));
                    }
                    case "jdk.CPULoad" -> {
                        if (event.getFloat("machineTotal") == 0) {
                            continue; // the first reading of a recording has nothing to compare with yet
                        }
                        jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                        machineCpu += event.getFloat("machineTotal");
                        cpuReadings++;
                    }
                    case "jdk.GarbageCollection" -> gcPauseMillis += event.getDuration("sumOfPauses").toNanos() / 1e6;
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recording " + recording, e);
        }
        int total = Math.max(1, samples);
        List<Share> centres = new ArrayList<>();
        for (CostCentre centre : COST_CENTRES) {
            double percent = 100.0 * inCentre.getOrDefault(centre.name(), 0) / total;
            if (percent >= SHOWN_FROM_PERCENT) {
                centres.add(new Share(centre.name(), percent));
            }
        }
        List<Share> hottest = selfTime.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(HOTTEST_METHODS)
                .map(e -> new Share(e.getKey(), 100.0 * e.getValue() / total))
                .toList();
        double seconds = Math.max(0.001, (last - first) / 1000.0);
        return new Summary(scenario, samples, centres, hottest,
                cpuReadings == 0 ? Double.NaN : 100 * jvmCpu / cpuReadings,
                cpuReadings == 0 ? Double.NaN : 100 * machineCpu / cpuReadings,
                gcPauseMillis / seconds);
    }

    /**
     * Native memory by the JVM's own categories (committed MiB, largest first, with the total), read
     * from a server started with {@code -XX:NativeMemoryTracking=summary}.
     */
    static List<Share> nativeMemory(LibertyServer server) {
        String output = jcmd(server, "VM.native_memory", "summary");
        List<Share> categories = new ArrayList<>();
        Matcher category = NMT_CATEGORY.matcher(output);
        while (category.find()) {
            if (Long.parseLong(category.group(3)) < SHOWN_FROM_KIB) {
                continue;
            }
            categories.add(new Share(category.group(1), Long.parseLong(category.group(3)) / 1024.0));
        }
        Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(output);
        if (!total.find()) {
            throw new IllegalStateException("No native memory summary from " + server.name() + ": " + output);
        }
        categories.sort(Comparator.comparingDouble(Share::value).reversed());
        categories.add(new Share("Total", Long.parseLong(total.group(1)) / 1024.0));
        return categories;
    }

    /**
     * The frame's method as "Type.name". JFR leaves the method out of some frames (hidden classes, and
     * methods unloaded before the recording was written), so those count under one name of their own
     * instead of failing the whole profile.
     */
    static String method(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        if (method == null || method.getType() == null) {
            return UNKNOWN_METHOD;
        }
        return method.getType().getName() + "." + method.getName();
    }

    /** Runs the JDK's jcmd against the server's JVM (same user, same machine) and returns its output. */
    private static String jcmd(LibertyServer server, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid())));
        line.addAll(List.of(command));
        Command.Result result = Command.run(null, Map.of(), Duration.ofSeconds(60), line);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + result.output());
        }
        return result.output();
    }
}
