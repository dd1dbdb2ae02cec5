package io.deals.adapters.messaging;

import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Map;

/** The settings of every producer Deals runs whose records must arrive once each, in order per key. */
final class ProducerSettings {

    private ProducerSettings() {
    }

    /**
     * Idempotence (with at most 5 requests in flight) keeps each partition in send order across the
     * producer's own retries. The timeouts make a dead broker fail a send within about 15 s. A
     * caller flushes what it sent as a whole, so linger only gathers what one flush sends; lz4
     * shrinks the JSON several times over for little CPU.
     */
    static Map<String, Object> reliable(String bootstrapServers, String clientId) {
        return Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, clientId),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 5),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000));
    }
}
