package org.confab.server.capability.upload;

import java.util.List;
import java.util.function.IntSupplier;
import org.confab.server.capability.Capability;
import org.confab.server.upload.UploadSettings;
import org.confab.text.Replies;

/** DMCD's {@code http_file_upload} capability: where and how to upload, and the limits. */
public final class HttpFileUploadCapability {

    public static final String NAME = "http_file_upload";

    private HttpFileUploadCapability() {
    }

    /** @param port the DMconnect port as bound, which is where HTTP is served */
    public static Capability create(UploadSettings settings, IntSupplier port) {
        return new Capability(NAME, List.of(new Capability.Command("info", "", Replies.UPLOAD_INFO, (arguments, caller) -> {
            caller.reply(Replies.uploadInfo(settings.serverHost(), port.getAsInt(), settings.retentionSeconds(),
                    settings.maxFileBytes()));
            return null;
        })));
    }
}
