"""Danish-language knowledge, once: the calendar (months, weekdays), people's first names and the
words that mark a business, Danish dates as letters write them. Everything else imports it; the
knowledge itself is data in `foi/danish/data/`."""
