package org.confab.server.runtime;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.mina.core.session.DefaultIoSessionDataStructureFactory;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.session.IoSessionAttributeMap;
import org.apache.mina.core.session.IoSessionDataStructureFactory;
import org.apache.mina.core.write.WriteRequestQueue;

/**
 * MINA's per-connection data with a smaller attribute map. MINA gives every connection a
 * ConcurrentHashMap for its attributes, about 190 bytes with the two or three a connection
 * holds; here they are key-value pairs in one array, about 50 bytes. Attributes are set while a
 * connection starts and read on every event, so reads take no lock and a change copies the array.
 */
public final class CompactSessionData implements IoSessionDataStructureFactory {

    private final IoSessionDataStructureFactory defaults = new DefaultIoSessionDataStructureFactory();

    @Override
    public IoSessionAttributeMap getAttributeMap(IoSession session) {
        return new Attributes();
    }

    @Override
    public WriteRequestQueue getWriteRequestQueue(IoSession session) throws Exception {
        return defaults.getWriteRequestQueue(session);
    }

    /** MINA's contract: a null value removes, a non-null default is stored if absent. */
    static final class Attributes implements IoSessionAttributeMap {

        private static final Object[] NONE = new Object[0];

        // key, value, key, value, ...; replaced whole, never changed in place
        private volatile Object[] pairs = NONE;

        @Override
        public Object getAttribute(IoSession session, Object key, Object defaultValue) {
            Object value = get(key);
            if (value != null || defaultValue == null) {
                return value;
            }
            Object before = setAttributeIfAbsent(session, key, defaultValue);
            return before == null ? defaultValue : before;
        }

        @Override
        public synchronized Object setAttribute(IoSession session, Object key, Object value) {
            if (value == null) {
                return removeAttribute(session, key);
            }
            Object[] now = pairs;
            int at = indexOf(now, key);
            if (at >= 0) {
                Object before = now[at + 1];
                Object[] next = now.clone();
                next[at + 1] = value;
                pairs = next;
                return before;
            }
            Object[] next = Arrays.copyOf(now, now.length + 2);
            next[now.length] = key;
            next[now.length + 1] = value;
            pairs = next;
            return null;
        }

        @Override
        public synchronized Object setAttributeIfAbsent(IoSession session, Object key, Object value) {
            Object before = get(key);
            if (before == null && value != null) {
                setAttribute(session, key, value);
            }
            return before;
        }

        @Override
        public synchronized Object removeAttribute(IoSession session, Object key) {
            Object[] now = pairs;
            int at = indexOf(now, key);
            if (at < 0) {
                return null;
            }
            Object[] next = now.length == 2 ? NONE : new Object[now.length - 2];
            System.arraycopy(now, 0, next, 0, at);
            System.arraycopy(now, at + 2, next, at, now.length - at - 2);
            pairs = next;
            return now[at + 1];
        }

        @Override
        public synchronized boolean removeAttribute(IoSession session, Object key, Object value) {
            Object current = get(key);
            if (current == null || !current.equals(value)) {
                return false;
            }
            removeAttribute(session, key);
            return true;
        }

        @Override
        public synchronized boolean replaceAttribute(IoSession session, Object key, Object oldValue, Object newValue) {
            Object current = get(key);
            if (current == null || !current.equals(oldValue)) {
                return false;
            }
            setAttribute(session, key, newValue);
            return true;
        }

        @Override
        public boolean containsAttribute(IoSession session, Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Object> getAttributeKeys(IoSession session) {
            Object[] now = pairs;
            Set<Object> keys = new LinkedHashSet<>();
            for (int i = 0; i < now.length; i += 2) {
                keys.add(now[i]);
            }
            return keys;
        }

        @Override
        public synchronized void dispose(IoSession session) {
            pairs = NONE;
        }

        private Object get(Object key) {
            Object[] now = pairs;
            int at = indexOf(now, key);
            return at < 0 ? null : now[at + 1];
        }

        private static int indexOf(Object[] pairs, Object key) {
            Objects.requireNonNull(key, "key");
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
