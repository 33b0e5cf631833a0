package org.learningcities.platform.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenTelemetry collector for tests: the endpoint of OTLP over HTTP ({@code POST /v1/traces}, protobuf), the
 * protocol every service exports spans with. It reads only what a test asks of a trace (ids, parent, name, kind and
 * the exporting service), straight from the protobuf wire format, so no collector and no generated classes are needed.
 */
final class OtlpTraceReceiver implements AutoCloseable {

    /** One exported span. Ids are lower-case hex, as in a {@code traceparent} header; the root's parent is empty. */
    record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {

        static final int KIND_PRODUCER = 4;
        static final int KIND_CONSUMER = 5;
    }

    private final HttpServer server;
    private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpTraceReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    /** The value for {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
    }

    List<ExportedSpan> spansOf(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            decodeExportRequest(ByteBuffer.wrap(body.readAllBytes()));
            // An empty ExportTraceServiceResponse: everything accepted.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    // opentelemetry/proto/collector/trace/v1: ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private void decodeExportRequest(ByteBuffer request) {
        fields(request, (field, value) -> {
            if (field == 1) {
                decodeResourceSpans(value);
            }
        });
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }: the resource comes first.
    private void decodeResourceSpans(ByteBuffer resourceSpans) {
        String[] service = {""};
        fields(resourceSpans.duplicate(), (field, value) -> {
            if (field == 1) {
                service[0] = serviceName(value);
            }
        });
        fields(resourceSpans, (field, scopeSpans) -> {
            if (field == 2) {
                // ScopeSpans { repeated Span spans = 2; }
                fields(scopeSpans, (scopeField, span) -> {
                    if (scopeField == 2) {
                        spans.add(decodeSpan(service[0], span));
                    }
                });
            }
        });
    }

    // Resource { repeated KeyValue attributes = 1; }, KeyValue { string key = 1; AnyValue value = 2; },
    // AnyValue { string string_value = 1; }
    private static String serviceName(ByteBuffer resource) {
        String[] name = {""};
        fields(resource, (field, keyValue) -> {
            if (field != 1) {
                return;
            }
            String[] key = {""};
            String[] text = {""};
            fields(keyValue, (kvField, kvValue) -> {
                if (kvField == 1) {
                    key[0] = text(kvValue);
                } else if (kvField == 2) {
                    fields(kvValue, (anyField, anyValue) -> {
                        if (anyField == 1) {
                            text[0] = text(anyValue);
                        }
                    });
                }
            });
            if (key[0].equals("service.name")) {
                name[0] = text[0];
            }
        });
        return name[0];
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6; }
    private static ExportedSpan decodeSpan(String service, ByteBuffer span) {
        String[] ids = {"", "", ""};
        String[] name = {""};
        int[] kind = {0};
        fieldsWithVarints(span, (field, value) -> {
            switch (field) {
                case 1 -> ids[0] = hex(value);
                case 2 -> ids[1] = hex(value);
                case 4 -> ids[2] = hex(value);
                case 5 -> name[0] = text(value);
                default -> {
                }
            }
        }, (field, varint) -> {
            if (field == 6) {
                kind[0] = (int) varint;
            }
        });
        return new ExportedSpan(service, ids[0], ids[1], ids[2], name[0], kind[0]);
    }

    private interface FieldConsumer {
        void accept(int field, ByteBuffer value);
    }

    private interface VarintConsumer {
        void accept(int field, long value);
    }

    /** Every length-delimited field of a message; other wire types are skipped. */
    private static void fields(ByteBuffer message, FieldConsumer lengthDelimited) {
        fieldsWithVarints(message, lengthDelimited, (field, value) -> {
        });
    }

    private static void fieldsWithVarints(ByteBuffer message, FieldConsumer lengthDelimited, VarintConsumer varints) {
        ByteBuffer in = message.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            long tag = varint(in);
            int field = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> varints.accept(field, varint(in));
                case 1 -> in.position(in.position() + 8);
                case 2 -> {
                    int length = (int) varint(in);
                    ByteBuffer value = in.slice(in.position(), length);
                    in.position(in.position() + length);
                    lengthDelimited.accept(field, value);
                }
                case 5 -> in.position(in.position() + 4);
                default -> throw new IllegalArgumentException("Unsupported protobuf wire type in tag " + tag);
            }
        }
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("Malformed varint");
    }

    private static String hex(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return HexFormat.of().formatHex(copy);
    }

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
