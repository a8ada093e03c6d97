import Foundation

/// Peak resident set size of this process in bytes (getrusage `ru_maxrss`, which Linux reports in KiB).
func peakResidentBytes() -> Int {
  var usage = rusage()
  guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
  return Int(usage.ru_maxrss) * 1024
}
