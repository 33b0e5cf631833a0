package org.learningcities.platform;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.icegreen.greenmail.util.GreenMail;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on this machine, on real components: a Kafka broker (or a cluster of three), PostgreSQL
 * with one database per service, an SMTP server, an SMS sink standing in for the SMS provider, and every service
 * and the gateway as child processes. Used by {@link LocalPlatformMain} and by tests:
 *
 * <pre>{@code
 * try (LocalPlatform platform = LocalPlatform.start(LocalPlatformOptions.builder()
 *         .dataDirectory(tempDir).freePorts().build())) {
 *     URI gateway = platform.gatewayUrl();
 *     platform.kafkaBroker().stop();   // simulate a broker outage (or kill() for a crash) ...
 *     platform.kafkaBroker().start();  // ... and its recovery
 * }
 * }</pre>
 *
 * A shutdown hook closes the platform when the JVM exits, so Ctrl-C leaves no process behind.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    /**
     * Measured on 2 cores with five Spring Boot services: two at a time was ready in about 23 s, three in 23-25 s,
     * all five at once in 25-26 s (they fight over the CPU), one at a time in 32-40 s.
     */
    private static final int SERVICES_STARTING_TOGETHER = 2;

    /**
     * Small JVMs that start fast: C1 only and the serial collector suit five services sharing two cores, where
     * start-up time matters more than peak throughput (with C2 as well the platform took 38-42 s instead of 23 s).
     */
    public static final List<String> SERVICE_JVM_OPTIONS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m");

    private final LocalPlatformOptions options;
    private final DataDirectory dataDirectory;
    private final List<KafkaBroker> kafkaBrokers;
    private final Map<PlatformService, TcpProxy> kafkaProxies = new EnumMap<>(PlatformService.class);
    private final PostgresServer postgres;
    private final MailServer mailServer;
    private final SmsSink smsSink;
    private final Map<PlatformService, ServiceProcess> services = new EnumMap<>(PlatformService.class);
    private final Thread shutdownHook = new Thread(this::close, "local-platform-shutdown");
    /** Starting a component holds the read lock, closing the write lock, so nothing starts after close(). */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;
    private Duration startupDuration = Duration.ZERO;

    private LocalPlatform(LocalPlatformOptions options) {
        this.options = options;
        this.dataDirectory = new DataDirectory(options.dataDirectory());
        Path logs = dataDirectory.logs();
        this.kafkaBrokers = createKafkaBrokers(options, dataDirectory);
        this.postgres = new PostgresServer(dataDirectory.postgres(), options.postgresPort(), logs.resolve("postgres.log"),
                databases());
        this.mailServer = new MailServer(options.smtpPort(), options.imapPort());
        this.smsSink = new SmsSink(options.smsPort(), dataDirectory.smsMessages());
        for (PlatformService service : PlatformService.values()) {
            List<String> jvmOptions = new ArrayList<>(SERVICE_JVM_OPTIONS);
            jvmOptions.addAll(options.jvmOptions(service));
            services.put(service, new ServiceProcess(service,
                    options.serviceJarDirectory().resolve(service.moduleName() + ".jar"), options.port(service), jvmOptions,
                    ServiceEnvironment.of(service, options), logs.resolve(service.moduleName() + ".log"),
                    options.readinessTimeout()));
        }
    }

    /**
     * Starts Kafka, PostgreSQL, the mail server and the SMS sink side by side, then the chosen services, and
     * returns once every service reports itself ready. On failure everything started so far is stopped again.
     *
     * @throws PlatformStartupException naming the component that failed, with the end of its log
     */
    public static LocalPlatform start(LocalPlatformOptions options) {
        LocalPlatform platform = new LocalPlatform(options);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public LocalPlatformOptions options() {
        return options;
    }

    public URI gatewayUrl() {
        return serviceUrl(PlatformService.GATEWAY);
    }

    public URI serviceUrl(PlatformService service) {
        return services.get(service).url();
    }

    /** Every broker, as Kafka clients take them; the direct addresses even for services behind a proxy. */
    public String kafkaBootstrapServers() {
        return options.kafkaBootstrapServers();
    }

    /** The JDBC URL of the service's own database (user and password: {@code postgres}). */
    public String jdbcUrl(PlatformService service) {
        return postgres.jdbcUrl(service.database()
                .orElseThrow(() -> new IllegalArgumentException(service + " has no database")));
    }

    /** The mail server's GreenMail, to look at the mail the services sent. */
    public GreenMail greenMail() {
        return mailServer.greenMail();
    }

    /** The only broker, or the first of a cluster. */
    public KafkaBroker kafkaBroker() {
        return kafkaBrokers.getFirst();
    }

    /** Every broker: one, or three with {@link LocalPlatformOptions.Builder#kafkaBrokers(int)}. */
    public List<KafkaBroker> kafkaBrokers() {
        return kafkaBrokers;
    }

    /**
     * The proxy between {@code service} and Kafka, to delay or cut its connections to the broker.
     *
     * @throws IllegalArgumentException unless {@link LocalPlatformOptions.Builder#kafkaThroughProxy} chose it
     */
    public TcpProxy kafkaProxy(PlatformService service) {
        TcpProxy proxy = kafkaProxies.get(service);
        if (proxy == null) {
            throw new IllegalArgumentException(service + " reaches Kafka directly; choose it with"
                    + " LocalPlatformOptions.Builder.kafkaThroughProxy to put a proxy in between");
        }
        return proxy;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public MailServer mailServer() {
        return mailServer;
    }

    SmsSink smsSink() {
        return smsSink;
    }

    /** The texts notification-service sent, one JSON line each: id, receivedAt, to, from, text, reference. */
    public Path sentSms() {
        return smsSink.messagesFile();
    }

    /** The handle of a service, started or not: a test may stop and start it again. */
    public ServiceProcess service(PlatformService service) {
        return services.get(service);
    }

    public Path dataDirectory() {
        return dataDirectory.root();
    }

    public Path logDirectory() {
        return dataDirectory.logs();
    }

    /** From the call to {@link #start} until every component was ready. */
    public Duration startupDuration() {
        return startupDuration;
    }

    /**
     * Resident memory of this JVM, every process it started and their descendants, and the PostgreSQL processes
     * (which run detached); shared pages are split among the processes sharing them.
     */
    public long residentMemoryBytes() {
        List<ProcessHandle> roots = new ArrayList<>();
        roots.add(ProcessHandle.current());
        postgres.postmaster().ifPresent(roots::add);
        return ResidentMemory.bytesOfTrees(roots);
    }

    /** Stops the services, then Kafka, PostgreSQL, the mail server and the SMS sink. Safe to call more than once. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        log.info("Stopping the local platform");
        Parallel.runAll(services.values().stream()
                .<Runnable>map(service -> () -> stopQuietly(service::stop, service.service().toString()))
                .toList());
        kafkaProxies.values().forEach(TcpProxy::close);
        // Side by side: one by one, the last brokers of a cluster would wait in vain for a controller quorum.
        Parallel.runAll(kafkaBrokers.stream()
                .<Runnable>map(broker -> () -> stopQuietly(broker::stop, "the Kafka broker on port " + broker.port()))
                .toList());
        stopQuietly(postgres::stop, "PostgreSQL");
        stopQuietly(mailServer::stop, "the mail server");
        stopQuietly(smsSink::stop, "the SMS sink");
        if (Thread.currentThread() != shutdownHook) {
            removeShutdownHook();
        }
    }

    private void startAll() {
        long startedAt = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        PortsInUse.failIfAny(options);
        dataDirectory.prepare(options.fresh());
        options.kafkaProxyPorts().forEach((service, port) -> whileOpen(() -> kafkaProxies.put(service,
                TcpProxy.start(port, new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 1)))));
        // A cluster's brokers must start together: each one waits for a quorum of controllers.
        List<Runnable> startups = new ArrayList<>(kafkaBrokers.stream()
                .<Runnable>map(broker -> () -> whileOpen(broker::start))
                .toList());
        startups.addAll(List.of(
                () -> whileOpen(postgres::start),
                () -> whileOpen(mailServer::start),
                () -> whileOpen(smsSink::start)));
        Parallel.runAll(startups);
        startServices();
        startupDuration = Duration.ofNanos(System.nanoTime() - startedAt);
        log.info("Local platform ready in {} ms", startupDuration.toMillis());
    }

    private void startServices() {
        Semaphore startingSlots = new Semaphore(SERVICES_STARTING_TOGETHER, true);
        List<Runnable> startups = Arrays.stream(PlatformService.values())
                .filter(options.services()::contains)
                .map(services::get)
                .<Runnable>map(service -> () -> {
                    startingSlots.acquireUninterruptibly();
                    try {
                        whileOpen(service::launch);
                        service.awaitReady();
                    } finally {
                        startingSlots.release();
                    }
                })
                .toList();
        Parallel.runAll(startups);
    }

    private void whileOpen(Runnable start) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new PlatformStartupException("The local platform is shutting down");
            }
            start.run();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private static void stopQuietly(Runnable stop, String component) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            log.warn("Could not stop {} cleanly: {}", component, e.toString());
        }
    }

    /**
     * One broker in {@code kafka/} logging to {@code kafka.log}, or a cluster with {@code kafka/broker-<id>/} and
     * {@code kafka-<id>.log} per broker.
     */
    private static List<KafkaBroker> createKafkaBrokers(LocalPlatformOptions options, DataDirectory dataDirectory) {
        Path logs = dataDirectory.logs();
        List<KafkaNode> nodes = options.kafkaNodes();
        if (nodes.size() == 1) {
            List<ProxiedListener> proxiedListeners = options.kafkaProxyPorts().entrySet().stream()
                    .map(proxy -> new ProxiedListener("PROXY_" + proxy.getKey().name(), proxy.getValue() + 1, proxy.getValue()))
                    .toList();
            return List.of(new KafkaBroker(dataDirectory.kafka(), nodes.getFirst(), nodes, proxiedListeners,
                    Uuid.randomUuid().toString(), logs.resolve("kafka.log")));
        }
        String clusterId = Uuid.randomUuid().toString();
        return nodes.stream()
                .map(node -> new KafkaBroker(dataDirectory.kafka().resolve("broker-" + node.nodeId()), node, nodes,
                        List.of(), clusterId, logs.resolve("kafka-" + node.nodeId() + ".log")))
                .toList();
    }

    private static List<String> databases() {
        return Arrays.stream(PlatformService.values()).flatMap(service -> service.database().stream()).toList();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // the hook is running or about to; close() has done its work already
        }
    }
}
