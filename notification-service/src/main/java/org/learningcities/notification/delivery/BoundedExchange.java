package org.learningcities.notification.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a system we do not run (a partner's webhook endpoint, an SMS provider), bounded in time and
 * size. The JDK client's request timeout ends when the response headers arrive, so an endpoint that trickles its
 * body would hold the calling thread for as long as it liked, and {@code ofString()} would read a body of any size.
 * Here the whole exchange, body included, must finish within the request's timeout, and at most {@code maxBodyBytes}
 * of the body are read before the connection is dropped (OWASP API10:2023, unsafe consumption of APIs).
 */
public final class BoundedExchange {

    /** The answer: its status, and its body cut to the limit (decoded as UTF-8). */
    public record Answer(int status, String body) {
    }

    private BoundedExchange() {
    }

    /** @throws HttpTimeoutException when the answer, body included, did not arrive within the request's timeout */
    public static Answer send(HttpClient client, HttpRequest request, int maxBodyBytes)
            throws IOException, InterruptedException {
        Duration deadline = request.timeout().orElseThrow(() ->
                new IllegalArgumentException("A request to an outside system needs a timeout"));
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request, info -> new TruncatingBody(maxBodyBytes));
        try {
            HttpResponse<String> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body());
        } catch (TimeoutException slow) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            throw interrupted;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(failed.getCause());
        }
    }

    /** Keeps the first bytes of a body and cancels the rest, which closes the connection instead of draining it. */
    private static final class TruncatingBody implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        TruncatingBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (limit == 0) {
                stop();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - kept.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.writeBytes(bytes);
            }
            if (kept.size() >= limit) {
                stop();
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(kept.toString(StandardCharsets.UTF_8));
        }

        private void stop() {
            subscription.cancel();
            onComplete();
        }
    }
}
