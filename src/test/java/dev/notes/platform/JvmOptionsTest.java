package dev.notes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * liberty/config/jvm.options starts with {@code -XX:+IgnoreUnrecognizedVMOptions} so that one file
 * serves Java 17 and Java 25 alike; the JVM would then also start with a misspelt option and
 * silently run without it. This test is that lost check: every {@code -XX} option of the file must
 * be a flag of the JVM running the tests, unless it is listed here as one of a newer Java.
 */
class JvmOptionsTest {

    private static final Path JVM_OPTIONS = Path.of("liberty", "config", "jvm.options");

    /** Options the file may hold although older JVMs lack them: the Java version that has them. */
    private static final Map<String, Integer> NEWER_JAVA_OPTIONS = Map.of("UseCompactObjectHeaders", 24);

    private static final Pattern XX_OPTION = Pattern.compile("^-XX:[+-]?([A-Za-z0-9_]+)(=.*)?$");
    private static final Pattern FLAG_LINE = Pattern.compile("^\\s*\\S+\\s+([A-Za-z0-9_]+)\\s+[:]?=");

    @Test
    void everyOptionIsAFlagOfThisJvmOrOfANewerJava() throws Exception {
        List<String> unknown = unknownOptions(Files.readAllLines(JVM_OPTIONS), jvmFlags(), Runtime.version().feature());

        assertThat(unknown).as("options of %s this JVM (Java %d) does not know", JVM_OPTIONS, Runtime.version().feature())
                .isEmpty();
    }

    @Test
    void aMisspeltOptionIsFound() throws Exception {
        List<String> lines = List.of("# a comment", "-Xmx384m", "-XX:+UseSerialGC", "-XX:+UseSeralGC", "-XX:MaxRAM=1g");

        assertThat(unknownOptions(lines, jvmFlags(), Runtime.version().feature())).containsExactly("-XX:+UseSeralGC");
    }

    @Test
    void anOptionOfANewerJavaIsAcceptedOnlyBelowThatJava() {
        List<String> lines = List.of("-XX:+UseCompactObjectHeaders");

        assertThat(unknownOptions(lines, Set.of(), 17)).isEmpty();
        assertThat(unknownOptions(lines, Set.of(), 25)).containsExactly("-XX:+UseCompactObjectHeaders");
    }

    @Test
    void theFileLetsOlderJvmsStart() throws IOException {
        assertThat(Files.readAllLines(JVM_OPTIONS)).contains("-XX:+IgnoreUnrecognizedVMOptions");
    }

    private static List<String> unknownOptions(List<String> lines, Set<String> flags, int javaVersion) {
        return lines.stream().map(String::strip).filter(line -> line.startsWith("-XX:")).filter(line -> {
            Matcher option = XX_OPTION.matcher(line);
            if (!option.matches()) {
                return true;
            }
            String name = option.group(1);
            return !flags.contains(name) && javaVersion >= NEWER_JAVA_OPTIONS.getOrDefault(name, Integer.MIN_VALUE);
        }).toList();
    }

    /** Every flag this JVM has, from {@code -XX:+PrintFlagsFinal}, diagnostic and experimental ones included. */
    private static Set<String> jvmFlags() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+UnlockExperimentalVMOptions", "-XX:+PrintFlagsFinal", "-version")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java -XX:+PrintFlagsFinal finished").isTrue();
        Set<String> flags = output.lines().map(FLAG_LINE::matcher).filter(Matcher::find).map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertThat(flags).as("flags read from -XX:+PrintFlagsFinal").contains("UseSerialGC", "MaxHeapSize");
        return flags;
    }
}
