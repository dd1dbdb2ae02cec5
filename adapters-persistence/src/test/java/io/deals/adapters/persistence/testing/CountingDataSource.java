package io.deals.adapters.persistence.testing;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A data source over another that counts what goes through it: the connections it hands out (the
 * adapter takes one per transaction) and the statements they prepare, call or create.
 */
public final class CountingDataSource {

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "prepareCall", "createStatement");

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger statements = new AtomicInteger();
    private final DataSource dataSource;

    public CountingDataSource(DataSource target) {
        this.dataSource = proxy(DataSource.class, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            connections.incrementAndGet();
            return proxy(Connection.class, (p, m, a) -> {
                if (STATEMENT_METHODS.contains(m.getName())) {
                    statements.incrementAndGet();
                }
                return invoke(connection, m, a);
            });
        });
    }

    /** The counting data source, to hand to what is counted. */
    public DataSource dataSource() {
        return dataSource;
    }

    public int connections() {
        return connections.get();
    }

    public int statements() {
        return statements.get();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
