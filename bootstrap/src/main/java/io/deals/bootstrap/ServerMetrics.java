package io.deals.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import io.deals.application.imports.port.out.ImportMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The figures a server shows at {@code GET /metrics}, in one Prometheus registry of its own: the
 * JVM's (memory, garbage collection, threads, classes, CPU, uptime), bound here; HTTP's, the
 * imports' and the relay's, counted by what {@link #module()} binds; the connection pool's, when
 * the server made the pool itself (see {@link DealsRuntime}).
 */
final class ServerMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private ServerMetrics() {
    }

    static ServerMetrics start() {
        ServerMetrics metrics = new ServerMetrics();
        MeterRegistry registry = metrics.registry;
        new JvmMemoryMetrics().bindTo(registry);
        metrics.gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return metrics;
    }

    /** The registry, for whatever counts into it from outside Guice (the connection pool). */
    MeterRegistry registry() {
        return registry;
    }

    /** Binds the registry (for the web adapter and the relay) and counts every import. */
    Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(MeterRegistry.class).toInstance(registry);
                bind(PrometheusMeterRegistry.class).toInstance(registry);
                OptionalBinder.newOptionalBinder(binder(), ImportMonitor.class).setBinding()
                        .toInstance(new ImportMetrics(registry));
            }
        };
    }

    /** Stops listening to the garbage collector, whose notifications would otherwise keep this registry alive. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
