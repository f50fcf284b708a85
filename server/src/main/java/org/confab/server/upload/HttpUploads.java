package org.confab.server.upload;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.confab.server.account.Accounts;
import org.confab.server.dmconnect.SideChannel;
import org.confab.storage.Store;

/** The HTTP side of the http_file_upload capability: the channel for the DMconnect port and the retention sweep. */
public final class HttpUploads {

    private final SideChannel channel;

    private HttpUploads(SideChannel channel) {
        this.channel = channel;
    }

    public static HttpUploads start(UploadSettings settings, Store store, Accounts accounts, ExecutorService database,
                                    ScheduledExecutorService timers) {
        UploadStore files = new UploadStore(store, settings);
        timers.scheduleWithFixedDelay(() -> database.execute(files::sweep), 0, settings.sweepIntervalSeconds(), TimeUnit.SECONDS);
        return new HttpUploads(new HttpChannel(new Uploads(settings, files, accounts, database), settings, timers));
    }

    /** What the DMconnect port hands a connection that opens with an HTTP request. */
    public SideChannel channel() {
        return channel;
    }
}
