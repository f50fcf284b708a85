package org.confab.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.confab.server.Main;

/** The {@code confab} command line run in this JVM, as a user runs it: arguments, standard input, exit code, output. */
public final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Result(int exitCode, String out, String err) {

        /** Standard output parsed as the one JSON object --json prints. */
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }

        /** Fails the test, showing both outputs, unless the command exited with {@code code}. */
        public Result exits(int code) {
            if (exitCode != code) {
                throw new AssertionError("expected exit code " + code + ", got " + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    public static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
