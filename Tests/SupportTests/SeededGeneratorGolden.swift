/// Recorded outputs of the seeded generator and the seed recipes (see ``SeededGeneratorTests``), checked against an
/// independent re-implementation of the replaced generators (Python, arbitrary-precision integers masked to 64 bits).
enum SeededGeneratorGolden {
  static let seed42: [UInt64] = [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009]
  static let mixed73: UInt64 = 8_477_616_836_400_753_367
  static let keyed735: UInt64 = 10_014_630_595_665_115_438
  static let chained735: UInt64 = 12_671_401_772_228_576_638
}
