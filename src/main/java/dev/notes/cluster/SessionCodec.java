package dev.notes.cluster;

import com.esotericsoftware.kryo.Kryo;
import java.util.ArrayList;
import java.util.TreeSet;
import org.redisson.codec.Kryo5Codec;

/**
 * Redisson's codec for everything kept with the configured codec, named in the Redisson files
 * ({@code codec} in {@code liberty/config/redisson*.yaml}): Liberty's sessions, in practice.
 *
 * <p>Liberty's session cache stores a session's metadata as an {@code ArrayList} of
 * {@code Long}, {@code Integer}, {@code Short}, {@code String} and a {@code TreeSet} of attribute
 * names, and each attribute as the {@code byte[]} Liberty serialised it to; the keys are strings.
 * Kryo knows the primitives, their boxes and {@code String} by number already; the three classes
 * here get fixed numbers too, so no value carries a class name (Kryo5Codec unregistered wrote
 * {@code java.util.ArrayList} and {@code java.util.TreeSet} into every metadata value, which
 * Liberty's replace sends twice per request).
 *
 * <p>Registration is required: Redis holds only these classes, and a value naming any other class
 * is refused instead of being built, so whoever can write to Redis cannot make an instance
 * instantiate an object graph of their choosing. The application's own Redis objects choose their
 * codecs themselves (strings, longs), so nothing else goes through this one.
 *
 * <p>Like {@link SessionCacheNames}, loaded from the {@code redisson} library.
 */
public final class SessionCodec extends Kryo5Codec {

    /** Kryo's own registrations (primitives, their boxes, String) take 0 to 9. */
    static final int ARRAY_LIST = 10;
    static final int TREE_SET = 11;
    static final int BYTES = 12;

    public SessionCodec() {
        super();
    }

    /** Redisson copies a codec this way when it hands it another class loader (BaseCodec.copy). */
    public SessionCodec(ClassLoader classLoader, SessionCodec codec) {
        super(classLoader);
    }

    @Override
    protected Kryo createKryo(ClassLoader classLoader, boolean useReferences) throws ClassNotFoundException {
        Kryo kryo = super.createKryo(classLoader, useReferences);
        kryo.setRegistrationRequired(true);
        kryo.register(ArrayList.class, ARRAY_LIST);
        kryo.register(TreeSet.class, TREE_SET);
        kryo.register(byte[].class, BYTES);
        return kryo;
    }
}
