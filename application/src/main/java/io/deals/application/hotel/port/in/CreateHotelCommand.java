package io.deals.application.hotel.port.in;

import io.deals.domain.hotel.HotelDraft;

public record CreateHotelCommand(HotelDraft draft) {
}
