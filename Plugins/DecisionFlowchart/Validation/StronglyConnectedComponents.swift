/// The cycles of a directed graph given as compressed rows, found with Tarjan's algorithm run
/// iteratively (a chart of 100,000 nodes in one long loop would overflow a recursive version's
/// stack).
///
/// A cycle is a strongly connected component of more than one node, or one node that leads to
/// itself. Only nodes marked `included` take part, and edges to other nodes are ignored.
struct StronglyConnectedComponents {
    /// Each cycle's node indices.
    private(set) var cycles: [[Int32]] = []
    /// Whether each node belongs to one of `cycles`.
    private(set) var inCycle: [Bool]

    init(count: Int, offsets: [Int32], targets: [Int32], included: [Bool]) {
        inCycle = [Bool](repeating: false, count: count)
        var order = [Int32](repeating: -1, count: count)
        var lowLink = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int32] = []
        // The depth-first path: each node with the next of its edges to follow.
        var path: [(node: Int32, edge: Int32)] = []
        var counter: Int32 = 0

        for root in 0..<count where included[root] && order[root] < 0 {
            path.append((Int32(root), offsets[root]))
            order[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(Int32(root))
            onStack[root] = true

            while let (node, edge) = path.last {
                let current = Int(node)
                if edge < offsets[current + 1] {
                    path[path.count - 1].edge += 1
                    let next = Int(targets[Int(edge)])
                    guard included[next] else { continue }
                    if order[next] < 0 {
                        order[next] = counter
                        lowLink[next] = counter
                        counter += 1
                        stack.append(Int32(next))
                        onStack[next] = true
                        path.append((Int32(next), offsets[next]))
                    } else if onStack[next] {
                        lowLink[current] = min(lowLink[current], order[next])
                    }
                    continue
                }
                path.removeLast()
                if let parent = path.last {
                    lowLink[Int(parent.node)] = min(lowLink[Int(parent.node)], lowLink[current])
                }
                guard lowLink[current] == order[current] else { continue }
                var component: [Int32] = []
                while let member = stack.popLast() {
                    onStack[Int(member)] = false
                    component.append(member)
                    if member == node { break }
                }
                let loopsToItself = (Int(offsets[current])..<Int(offsets[current + 1])).contains { targets[$0] == node }
                if component.count > 1 || loopsToItself {
                    for member in component { inCycle[Int(member)] = true }
                    cycles.append(component)
                }
            }
        }
    }
}
