package dev.moeadvisor.web.guard;

import dev.moeadvisor.service.AdvisorConfig;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Enforces {@code advisor.http.max-body-bytes} while a body is read, for bodies sent without a length (chunked):
 * {@link BodySizeGuard} refuses a declared length before reading, this counts the bytes as the JSON or text reader
 * takes them and stops with the same 413 problem at the first byte over the limit.
 */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {

    /** Resolved per request: providers are created before configuration mappings exist. */
    @Inject
    Instance<AdvisorConfig> config;
    private volatile long maxBodyBytes = -1;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counting(context.getInputStream(), maxBodyBytes()));
        return context.proceed();
    }

    static ProblemException tooLarge(long max) {
        return new ProblemException(413, "too-large", "Request too large",
                "the request body is over the limit of " + max + " bytes", null);
    }

    /** Counts bytes read and throws {@link #tooLarge} past {@code max}. */
    static final class Counting extends FilterInputStream {
        private final long max;
        private long count;

        Counting(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }

        private void add(long n) {
            count += n;
            if (count > max) {
                throw tooLarge(max);
            }
        }
    }

    /** The limit, read from the configuration once (a mapping instance is built on every {@code Instance.get()}). */
    private long maxBodyBytes() {
        long max = maxBodyBytes;
        if (max < 0) {
            max = config.get().http().maxBodyBytes();
            maxBodyBytes = max;
        }
        return max;
    }
}
