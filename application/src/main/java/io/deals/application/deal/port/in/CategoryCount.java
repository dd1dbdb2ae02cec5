package io.deals.application.deal.port.in;

/** A category and how many deals carry it. */
public record CategoryCount(String name, long dealCount) {
}
