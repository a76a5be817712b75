"""Tests of servicecharter.calendar: BusinessCalendar, business days, the horizon."""
