import Support

/// The grid product and explicit points of a config.
extension GridConfigReader {
  func tokens(_ o: [String: JSONValue], _ path: String, listed: Bool) throws(TaskSimulatorError) -> (
    main: [Int], aux: [Int]
  ) {
    func values(_ key: String) throws(TaskSimulatorError) -> [Int]? {
      guard let v = o[key] else { return nil }
      if listed {
        return try list(v, "\(path).\(key)") { (x: JSONValue, p: String) throws(TaskSimulatorError) in
          try positiveInt(x, p)
        }
      }
      return [try positiveInt(v, "\(path).\(key)")]
    }
    let balanced = try values("tokens")
    let main = try values("main_tokens")
    let aux = try values("aux_tokens")
    if let balanced {
      guard main == nil && aux == nil else {
        throw fail(path, "give either 'tokens' or 'main_tokens' and 'aux_tokens', not both")
      }
      return (balanced, [])
    }
    guard let main, let aux else { throw fail(path, "missing key 'tokens' (or 'main_tokens' and 'aux_tokens')") }
    return (main, aux)
  }

  func grid(_ v: JSONValue, repetitions: Int, inputs: TaskInputs) throws(TaskSimulatorError) -> [GridPoint] {
    let o = try object(v, "grid", keys: GridConfig.gridKeys)
    guard let t = o["tasks"] else { throw fail("grid", "missing key 'tasks'") }
    let tasks = try list(t, "grid.tasks") { (x: JSONValue, p: String) throws(TaskSimulatorError) in
      try positiveInt(x, p)
    }
    let (main, aux) = try tokens(o, "grid", listed: true)
    let sizes: [(Int, Int)] = aux.isEmpty ? main.map { ($0, $0) } : main.flatMap { m in aux.map { (m, $0) } }
    let alphas = try o["alpha"].map { (x: JSONValue) throws(TaskSimulatorError) in
      try list(x, "grid.alpha") { (y: JSONValue, p: String) throws(TaskSimulatorError) in try alpha(y, p) }
    }
    let amis = try o["ami"].map { (x: JSONValue) throws(TaskSimulatorError) in
      try list(x, "grid.ami") { (y: JSONValue, p: String) throws(TaskSimulatorError) in try ami(y, p) }
    }
    if alphas != nil && amis != nil { throw fail("grid", "give either 'alpha' or 'ami', not both") }
    if alphas == nil && amis == nil && tasks.contains(where: { $0 > 1 }) {
      throw fail("grid", "missing key 'alpha' or 'ami' (needed for T > 1)")
    }
    var points: [GridPoint] = []
    for taskCount in tasks {
      for (m, a) in sizes {
        if taskCount == 1 && alphas == nil && amis == nil {
          points.append(
            GridPoint(
              index: 0, taskCount: 1, mainTokens: m, auxTokens: a, alpha: nil, alphas: nil, ami: nil,
              repetitions: repetitions, inputs: inputs))
          continue
        }
        for x in alphas ?? [] {
          points.append(
            GridPoint(
              index: 0, taskCount: taskCount, mainTokens: m, auxTokens: a, alpha: x, alphas: nil,
              ami: nil, repetitions: repetitions, inputs: inputs))
        }
        for x in amis ?? [] {
          points.append(
            GridPoint(
              index: 0, taskCount: taskCount, mainTokens: m, auxTokens: a, alpha: nil, alphas: nil,
              ami: x, repetitions: repetitions, inputs: inputs))
        }
      }
    }
    return points
  }

  func point(_ v: JSONValue, _ path: String, repetitions: Int, inputs: TaskInputs) throws(TaskSimulatorError)
    -> GridPoint
  {
    let o = try object(v, path, keys: GridConfig.pointKeys)
    guard let t = o["tasks"] else { throw fail(path, "missing key 'tasks'") }
    let taskCount = try positiveInt(t, "\(path).tasks")
    let (main, aux) = try tokens(o, path, listed: false)
    let a = try o["alpha"].map { (x: JSONValue) throws(TaskSimulatorError) in try alpha(x, "\(path).alpha") }
    let list_ = try o["alphas"].map { (x: JSONValue) throws(TaskSimulatorError) in
      try list(x, "\(path).alphas") { (y: JSONValue, p: String) throws(TaskSimulatorError) in try alpha(y, p) }
    }
    let target = try o["ami"].map { (x: JSONValue) throws(TaskSimulatorError) in try ami(x, "\(path).ami") }
    let given = [a != nil, list_ != nil, target != nil].filter { $0 }.count
    if given > 1 { throw fail(path, "give only one of 'alpha', 'alphas', 'ami'") }
    if given == 0 && taskCount > 1 { throw fail(path, "missing key 'alpha', 'alphas' or 'ami' (needed for T > 1)") }
    if let list_, list_.count != taskCount - 1 {
      throw fail("\(path).alphas", "expected \(taskCount - 1) values (one per auxiliary task), found \(list_.count)")
    }
    let reps =
      try o["repetitions"].map { (x: JSONValue) throws(TaskSimulatorError) in try positiveInt(x, "\(path).repetitions")
      } ?? repetitions
    return GridPoint(
      index: 0, taskCount: taskCount, mainTokens: main[0], auxTokens: aux.first ?? main[0], alpha: a,
      alphas: list_, ami: target, repetitions: reps, inputs: inputs)
  }
}
