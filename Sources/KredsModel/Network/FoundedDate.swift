/// When a network started: a full date, a month or a year.
public enum FoundedDate: Hashable, Sendable {
  case year(Int)
  case month(year: Int, month: Int)
  case day(LocalDate)
}
