package dev.notes.live;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.Tag;

/** Counters without a metric registry, for {@link LiveMetrics} in unit tests; read by name and tags. */
final class PlainCounters implements LiveMetrics.CounterFactory {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    static LiveMetrics metrics() {
        return new LiveMetrics(new PlainCounters());
    }

    @Override
    public Counter counter(Metadata metadata, Tag... tags) {
        LongAdder count = counts.computeIfAbsent(key(metadata.getName(), tags), k -> new LongAdder());
        return new Counter() {
            @Override
            public void inc() {
                count.increment();
            }

            @Override
            public void inc(long n) {
                count.add(n);
            }

            @Override
            public long getCount() {
                return count.sum();
            }
        };
    }

    /** The count of {@code name} with {@code tags}; 0 if no such counter was made. */
    long count(String name, Tag... tags) {
        LongAdder count = counts.get(key(name, tags));
        return count == null ? 0 : count.sum();
    }

    private static String key(String name, Tag... tags) {
        return name + Arrays.toString(tags);
    }
}
