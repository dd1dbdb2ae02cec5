package io.deals.bootstrap.http;

import io.deals.bootstrap.http.Api.Reply;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two clients change the same deal from the same version: one wins, the other is told, nothing is lost. */
class ConcurrentChangesIT extends ApiTestBase {

    @RepeatedTest(5)
    void two_clients_patching_from_the_same_version_at_once_get_one_200_and_one_412() throws Exception {
        long dealId = createDeal(createHotel()).id();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<Reply> suite = clients.submit(patchAfter(start, dealId, "{\"room_type\": \"Suite\"}"));
            Future<Reply> cheaper = clients.submit(patchAfter(start, dealId, "{\"price_per_night\": 99.99}"));
            start.countDown();
            Reply first = suite.get(30, TimeUnit.SECONDS);
            Reply second = cheaper.get(30, TimeUnit.SECONDS);

            assertThat(List.of(first.status(), second.status())).as(first.text() + " / " + second.text())
                    .containsExactlyInAnyOrder(200, 412);
            Reply loser = first.status() == 412 ? first : second;
            assertThat(loser.errorCode()).isEqualTo("PRECONDITION_FAILED");

            Reply after = api.get("/deals/" + dealId);
            assertThat(after.version()).isEqualTo(2);
            if (first.status() == 200) {
                assertThat(after.json().get("room_type").asText()).isEqualTo("Suite");
                assertThat(after.json().get("price_per_night").decimalValue()).isEqualByComparingTo("129.99");
            } else {
                assertThat(after.json().get("room_type").asText()).isEqualTo("Deluxe");
                assertThat(after.json().get("price_per_night").decimalValue()).isEqualByComparingTo("99.99");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void the_client_that_lost_can_reread_and_apply_its_change_without_losing_the_winners() {
        long dealId = createDeal(createHotel()).id();

        Reply winner = api.patch("/deals/" + dealId, "{\"room_type\": \"Suite\"}", "If-Match", "\"1\"");
        Reply loser = api.patch("/deals/" + dealId, "{\"price_per_night\": 99.99}", "If-Match", "\"1\"");
        assertThat(winner.status()).isEqualTo(200);
        assertError(loser, 412, "PRECONDITION_FAILED");

        Reply fresh = api.get("/deals/" + dealId);
        Reply retried = api.patch("/deals/" + dealId, "{\"price_per_night\": 99.99}", "If-Match", fresh.etag());

        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.version()).isEqualTo(3);
        assertThat(retried.json().get("room_type").asText()).isEqualTo("Suite");
        assertThat(retried.json().get("price_per_night").decimalValue()).isEqualByComparingTo("99.99");
    }

    @Test
    void many_clients_racing_with_body_versions_never_lose_an_update() throws Exception {
        long dealId = createDeal(createHotel()).id();
        int clientsCount = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(clientsCount);
        try {
            List<Future<Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < clientsCount; i++) {
                String body = "{\"room_type\": \"Room %d\", \"version\": 1}".formatted(i);
                replies.add(clients.submit(() -> {
                    start.await();
                    return api.patch("/deals/" + dealId, body);
                }));
            }
            start.countDown();
            int ok = 0;
            String winner = null;
            for (Future<Reply> future : replies) {
                Reply reply = future.get(30, TimeUnit.SECONDS);
                if (reply.status() == 200) {
                    ok++;
                    winner = reply.json().get("room_type").asText();
                } else {
                    assertError(reply, 409, "VERSION_CONFLICT");
                }
            }

            assertThat(ok).isEqualTo(1);
            Reply after = api.get("/deals/" + dealId);
            assertThat(after.version()).isEqualTo(2);
            assertThat(after.json().get("room_type").asText()).isEqualTo(winner);
        } finally {
            clients.shutdownNow();
        }
    }

    private static Callable<Reply> patchAfter(CountDownLatch start, long dealId, String body) {
        return () -> {
            start.await();
            return api.patch("/deals/" + dealId, body, "If-Match", "\"1\"");
        };
    }
}
