import Foundation

/// CPU time (user + system) in seconds of the whole process, or of the calling thread only.
func cpuSeconds(thread: Bool = false) -> Double {
  var usage = rusage()
  // RUSAGE_THREAD (Linux) = 1.
  guard getrusage(thread ? 1 : RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
  func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
