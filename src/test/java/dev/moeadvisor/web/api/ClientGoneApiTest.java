package dev.moeadvisor.web.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that closes its connection before its request body has arrived is an ordinary event, not a server
 * error: the advisor logs it at DEBUG and nothing at WARN or above (it used to log an ERROR with a stack trace of
 * {@code HttpClosedException} each time). Over real sockets: a JSON plan, a CSV upload and a chunked upload, each
 * cut short.
 */
@QuarkusTest
class ClientGoneApiTest {

    @TestHTTPResource("/")
    URL url;

    @Test
    void aClientLeavingMidBodyLogsNoErrorOnlyADebugLine() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Logger mappers = Logger.getLogger("dev.moeadvisor.web.error.ProblemMappers");
        Level before = mappers.getLevel();
        mappers.setLevel(Level.FINE);   // so that the DEBUG line is published and the test knows each request was read
        root.addHandler(capture);
        try {
            leave("POST /api/v1/plan HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{\"computeFl");
            leave("POST /api/v1/datasets?name=gone HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: 100000\r\n\r\nkind,n_layers,d_mod");
            leave("POST /api/v1/datasets?name=gone-chunked HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nkind,\r\n");
            Instant deadline = Instant.now().plusSeconds(120);
            while (clientLeft(records) < 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertEquals(3, clientLeft(records), "each abandoned request was read and logged at DEBUG");
            List<String> loud = records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .filter(r -> mentionsClosed(r))
                    .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList();
            assertTrue(loud.isEmpty(), "logged loudly: " + loud);
        } finally {
            root.removeHandler(capture);
            mappers.setLevel(before);
        }
        given().get("/api/v1/datasets").then().statusCode(200);   // and the server answers as before
    }

    private static long clientLeft(List<LogRecord> records) {
        return records.stream().filter(r -> "dev.moeadvisor.web.error.ProblemMappers".equals(r.getLoggerName())
                && r.getLevel().intValue() <= Level.FINE.intValue() && String.valueOf(r.getMessage())
                .contains("client left")).count();
    }

    private static boolean mentionsClosed(LogRecord r) {
        String text = r.getMessage() + " " + (r.getThrown() == null ? "" : r.getThrown().toString());
        for (Throwable t = r.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            text += " " + t;
        }
        return text.contains("HttpClosedException") || text.contains("Connection was closed")
                || text.contains("unexpected error");
    }

    /** Sends the head and part of a body, then closes the connection without waiting for an answer. */
    private void leave(String partial) throws Exception {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(partial.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
        }
    }
}
