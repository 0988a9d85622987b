/// A 4-ary min-heap of (key, cell index) pairs for the least-cost search.
///
/// Keys and values live in two manually managed buffers (no per-entry allocation, no
/// bounds-checked array access in the hot loop); the heap is non-copyable so the buffers have
/// exactly one owner and are freed in `deinit`. Decrease-key is done lazily: the search pushes
/// a cell again with its better key and skips stale entries when they are popped.
struct MinHeap: ~Copyable {
  private var keys: UnsafeMutablePointer<Double>
  private var values: UnsafeMutablePointer<Int32>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 1024) {
    self.capacity = max(capacity, 16)
    keys = .allocate(capacity: self.capacity)
    values = .allocate(capacity: self.capacity)
  }

  deinit {
    keys.deallocate()
    values.deallocate()
  }

  var isEmpty: Bool { count == 0 }

  private mutating func grow() {
    let newCapacity = capacity * 2
    let newKeys = UnsafeMutablePointer<Double>.allocate(capacity: newCapacity)
    let newValues = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
    newKeys.update(from: keys, count: count)
    newValues.update(from: values, count: count)
    keys.deallocate()
    values.deallocate()
    keys = newKeys
    values = newValues
    capacity = newCapacity
  }

  mutating func push(_ key: Double, _ value: Int32) {
    if count == capacity { grow() }
    var i = count
    count += 1
    while i > 0 {
      let parent = (i - 1) >> 2
      let parentKey = keys[parent]
      if parentKey <= key { break }
      keys[i] = parentKey
      values[i] = values[parent]
      i = parent
    }
    keys[i] = key
    values[i] = value
  }

  /// Removes and returns the entry with the smallest key. The heap must not be empty.
  mutating func pop() -> (key: Double, value: Int32) {
    let top = (keys[0], values[0])
    count -= 1
    if count > 0 {
      let key = keys[count]
      let value = values[count]
      var i = 0
      while true {
        let first = (i << 2) + 1
        if first >= count { break }
        let last = min(first + 4, count)
        var best = first
        var bestKey = keys[first]
        var child = first + 1
        while child < last {
          let k = keys[child]
          if k < bestKey {
            bestKey = k
            best = child
          }
          child += 1
        }
        if bestKey >= key { break }
        keys[i] = bestKey
        values[i] = values[best]
        i = best
      }
      keys[i] = key
      values[i] = value
    }
    return top
  }
}
