package org.confab.bench.target;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Set;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Another JVM's live heap while something runs, over JMX (its local management agent, started
 * through the attach API): {@link #rebase} collects fully for the heap before, then every
 * collection reports what it left, and the largest of those is the most the heap held. Garbage
 * does not count, as it would in the used heap sampled at any moment; old objects that a young
 * collection leaves in place do, so the figure is at most a little high.
 */
public final class HeapAfterGc implements AutoCloseable {

    private static final ObjectName MEMORY = name("java.lang:type=Memory");
    private static final ObjectName COLLECTORS = name("java.lang:type=GarbageCollector,*");
    private static final ObjectName POOLS = name("java.lang:type=MemoryPool,*");
    private static final ObjectName COMPILATION = name("java.lang:type=Compilation");
    private static final String EXPLICIT = "System.gc()";

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final Set<String> heapPools = new HashSet<>();
    private final Set<ObjectName> collectors;
    private final NotificationListener listener = this::collected;
    private volatile long baselineBytes = -1;
    private volatile long peakBytes = -1;
    private volatile int collections;

    private HeapAfterGc(JMXConnector connector) throws IOException, JMException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        for (ObjectName pool : server.queryNames(POOLS, null)) {
            if ("HEAP".equals(String.valueOf(server.getAttribute(pool, "Type")))) {
                heapPools.add(String.valueOf(server.getAttribute(pool, "Name")));
            }
        }
        collectors = server.queryNames(COLLECTORS, null);
        for (ObjectName collector : collectors) {
            server.addNotificationListener(collector, listener, null, null);
        }
    }

    /**
     * Connects to the JVM and listens to its collections; the first connection makes the JVM run
     * code it has not compiled yet, so connect before what is measured and {@link #rebase} then.
     */
    public static HeapAfterGc connect(long pid) throws IOException {
        JMXConnector connector = null;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return new HeapAfterGc(connector);
        } catch (IOException | AttachNotSupportedException | JMException e) {
            closeQuietly(connector);
            throw new IOException("cannot watch the heap of process " + pid + ": " + e.getMessage(), e);
        }
    }

    /** Collects the heap fully: what it holds now is the baseline, and only later collections count. */
    public void rebase() throws IOException {
        try {
            server.invoke(MEMORY, "gc", null, null);
            long used = MemoryUsage.from((CompositeData) server.getAttribute(MEMORY, "HeapMemoryUsage")).getUsed();
            synchronized (this) {
                baselineBytes = used;
                peakBytes = -1;
                collections = 0;
            }
        } catch (JMException e) {
            throw new IOException("cannot collect the heap: " + e.getMessage(), e);
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (EXPLICIT.equals(info.getGcCause())) {
            return; // rebase's own, whose report may come after it returned
        }
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        synchronized (this) {
            peakBytes = Math.max(peakBytes, used);
            collections++;
        }
    }

    /** The live heap at the last {@link #rebase}; -1 before it. */
    public long baselineBytes() {
        return baselineBytes;
    }

    /**
     * The largest heap a collection left since the last {@link #rebase}; if there was none, the
     * heap in use now, garbage and all, which is an upper bound too.
     */
    public long peakBytes() throws IOException {
        if (collections > 0) {
            return peakBytes;
        }
        try {
            return MemoryUsage.from((CompositeData) server.getAttribute(MEMORY, "HeapMemoryUsage")).getUsed();
        } catch (JMException e) {
            throw new IOException("no heap figure: " + e.getMessage(), e);
        }
    }

    /** Milliseconds the JVM's JIT compilers have worked since it started: whether it is warm yet. */
    public long compilationMillis() throws IOException {
        try {
            return ((Number) server.getAttribute(COMPILATION, "TotalCompilationTime")).longValue();
        } catch (JMException e) {
            throw new IOException("no compilation time: " + e.getMessage(), e);
        }
    }

    /** Collections seen since the last {@link #rebase}. */
    public int collections() {
        return collections;
    }

    @Override
    public void close() {
        for (ObjectName collector : collectors) {
            try {
                server.removeNotificationListener(collector, listener);
            } catch (IOException | InstanceNotFoundException | ListenerNotFoundException e) {
                // The JVM is going away, or already gone: nothing more will come.
            }
        }
        closeQuietly(connector);
    }

    private static void closeQuietly(JMXConnector connector) {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException e) {
                // Closing a connection to a JVM that may be gone: nothing to do.
            }
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
