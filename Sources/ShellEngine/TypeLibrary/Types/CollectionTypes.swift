/// System.Array, the non-generic and generic collections. Lists, sets, queues and stacks are
/// `PSArray`s with a collection type (the pipeline enumerates them); dictionaries are `PSHashtable`s.
enum CollectionTypes {
    static func all() -> [DotNetType] {
        [array, arrayList, hashtable, orderedDictionary, dictionaryEntry, list, collection, hashSet, queue, stack,
         dictionary, sortedDictionary, keyValuePair, nullable, queueObject, stackObject]
    }

    static func items(_ c: DotNetCall) -> PSArray {
        if case .array(let a) = c.this { return a }
        return PSArray([])
    }
    static func table(_ c: DotNetCall) -> PSHashtable {
        if case .hashtable(let h) = c.this { return h }
        return PSHashtable()
    }
    static func argumentArray(_ c: DotNetCall, _ i: Int, _ name: String) throws -> PSArray {
        guard case .array(let a) = c.value(i) else { throw DotNetException.argumentNull(name) }
        return a
    }
    static func elements(_ value: PSValue) -> [PSValue] {
        if case .hashtable(let h) = value { return h.entries.map { entryObject($0.0, $0.1) } }
        return value.enumerated ?? (value.isNull ? [] : [value])
    }
    static func entryObject(_ key: PSValue, _ value: PSValue) -> PSValue {
        let entry = PSCustomObject(typeNames: ["System.Collections.DictionaryEntry", "System.ValueType", "System.Object"])
        entry.add("Name", key)
        entry.add("Key", key)
        entry.add("Value", value)
        return .object(entry)
    }
    static func genericName(_ definition: String, _ c: DotNetCall) -> String {
        GenericName.fullName(definition, c.typeArguments.isEmpty ? ["System.Object"] : c.typeArguments)
    }
    static func equal(_ a: PSValue, _ b: PSValue) -> Bool { Operators.equals(a, b, caseSensitive: true) }
    static func index(_ c: DotNetCall, _ i: Int, count: Int, name: String = "index", inclusive: Bool = false) throws -> Int {
        let n = c.int64(i)
        guard n >= 0, inclusive ? n <= Int64(count) : n < Int64(count) else { throw DotNetException.outOfRange(name, FrameworkText.index) }
        return Int(n)
    }
    static func sorted(_ values: [PSValue]) -> [PSValue] {
        values.sorted { (Operators.ordering($0, $1, caseSensitive: false) ?? 0) < 0 }
    }

    /// Members every list-like collection shares: Count, Contains, IndexOf, Clear, ToArray.
    static func declareList(_ t: DotNetType, element: String, addReturnsIndex: Bool) {
        t.property("Count", "int") { c in .int32(Int32(clamping: items(c).items.count)) }
        t.property("IsReadOnly", "bool") { _ in .bool(false) }
        t.property("IsFixedSize", "bool") { _ in .bool(false) }
        t.method("Add", addReturnsIndex ? "int" : "void", "\(element) item") { c in
            let a = items(c)
            guard a.items.count < 100_000_000 else { throw DotNetException.outOfMemory }
            a.items.append(c.value(0))
            return addReturnsIndex ? .int32(Int32(a.items.count - 1)) : .null
        }
        t.method("AddRange", "void", "System.Object collection") { c in
            guard !c.value(0).isNull else { throw DotNetException.argumentNull(addReturnsIndex ? "c" : "collection") }
            items(c).items.append(contentsOf: elements(c.value(0)))
            return .null
        }
        t.method("Insert", "void", "int index, \(element) item") { c in
            let a = items(c)
            a.items.insert(c.value(1), at: try index(c, 0, count: a.items.count, inclusive: true))
            return .null
        }
        t.method("Remove", addReturnsIndex ? "void" : "bool", "\(element) item") { c in
            let a = items(c)
            guard let i = a.items.firstIndex(where: { equal($0, c.value(0)) }) else { return addReturnsIndex ? .null : .bool(false) }
            a.items.remove(at: i)
            return addReturnsIndex ? .null : .bool(true)
        }
        t.method("RemoveAt", "void", "int index") { c in
            let a = items(c)
            a.items.remove(at: try index(c, 0, count: a.items.count))
            return .null
        }
        t.method("RemoveRange", "void", "int index, int count") { c in
            let a = items(c), start = c.int64(0), count = c.int64(1)
            guard start >= 0 else { throw DotNetException.outOfRange("index", FrameworkText.needNonNegative) }
            guard count >= 0 else { throw DotNetException.outOfRange("count", FrameworkText.needNonNegative) }
            guard count <= Int64(a.items.count) - start else {
                throw DotNetException.argument("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.")
            }
            a.items.removeSubrange(Int(start)..<Int(start + count))
            return .null
        }
        t.method("GetRange", t.fullName, "int index, int count") { c in
            let a = items(c), start = c.int64(0), count = c.int64(1)
            guard start >= 0, count >= 0 else {
                throw DotNetException.outOfRange(start < 0 ? "index" : "count", FrameworkText.needNonNegative)
            }
            guard count <= Int64(a.items.count) - start else {
                throw DotNetException.argument("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.")
            }
            return .array(PSArray(Array(a.items[Int(start)..<Int(start + count)]), elementTypeName: a.elementTypeName,
                                  collectionType: a.collectionType))
        }
        t.method("Contains", "bool", "\(element) item") { c in .bool(items(c).items.contains { equal($0, c.value(0)) }) }
        t.method("IndexOf", "int", "\(element) item") { c in
            .int32(Int32(items(c).items.firstIndex { equal($0, c.value(0)) } ?? -1))
        }
        t.method("LastIndexOf", "int", "\(element) item") { c in
            .int32(Int32(items(c).items.lastIndex { equal($0, c.value(0)) } ?? -1))
        }
        t.method("Clear", "void") { c in items(c).items.removeAll(); return .null }
        t.method("Sort", "void") { c in items(c).items = sorted(items(c).items); return .null }
        t.method("Reverse", "void") { c in items(c).items.reverse(); return .null }
        t.method("ToArray", "\(element)[]") { c in .array(PSArray(items(c).items, elementTypeName: items(c).elementTypeName)) }
        t.method("Clone", "System.Object") { c in
            .array(PSArray(items(c).items, elementTypeName: items(c).elementTypeName, collectionType: items(c).collectionType))
        }
    }

    static let array = DotNetType("System.Array", aliases: ["array"],
                                  interfaces: ["System.ICloneable", "System.Collections.IList", "System.Collections.ICollection",
                                               "System.Collections.IEnumerable"]) { t in
        t.property("Length", "int") { c in .int32(Int32(clamping: items(c).items.count)) }
        t.property("LongLength", "long") { c in .int64(Int64(items(c).items.count)) }
        t.property("Count", "int") { c in .int32(Int32(clamping: items(c).items.count)) }
        t.property("Rank", "int") { _ in .int32(1) }
        t.property("IsFixedSize", "bool") { _ in .bool(true) }
        t.property("IsReadOnly", "bool") { _ in .bool(false) }
        t.property("IsSynchronized", "bool") { _ in .bool(false) }
        t.property("SyncRoot", "System.Object") { c in c.this }
        let fixedSize = DotNetException.notSupported("Collection was of a fixed size.")
        t.method("Add", "int", "System.Object value") { _ in throw fixedSize }
        t.method("Remove", "void", "System.Object value") { _ in throw fixedSize }
        t.method("RemoveAt", "void", "int index") { _ in throw fixedSize }
        t.method("Insert", "void", "int index, System.Object value") { _ in throw fixedSize }
        t.method("Contains", "bool", "System.Object value") { c in .bool(items(c).items.contains { equal($0, c.value(0)) }) }
        t.method("IndexOf", "int", "System.Object value") { c in .int32(Int32(items(c).items.firstIndex { equal($0, c.value(0)) } ?? -1)) }
        t.method("Clone", "System.Object") { c in .array(PSArray(items(c).items, elementTypeName: items(c).elementTypeName)) }
        t.method("GetValue", "System.Object", "int index") { c in items(c).items[try index(c, 0, count: items(c).items.count)] }
        t.method("SetValue", "void", "System.Object value, int index") { c in
            let a = items(c)
            a.items[try index(c, 1, count: a.items.count)] = c.value(0)
            return .null
        }
        t.method("GetLength", "int", "int dimension") { c in
            guard c.int64(0) == 0 else { throw DotNetException.indexOutOfRange }
            return .int32(Int32(clamping: items(c).items.count))
        }
        t.method("GetUpperBound", "int", "int dimension") { c in
            guard c.int64(0) == 0 else { throw DotNetException.indexOutOfRange }
            return .int32(Int32(clamping: items(c).items.count - 1))
        }
        t.method("GetLowerBound", "int", "int dimension") { c in
            guard c.int64(0) == 0 else { throw DotNetException.indexOutOfRange }
            return .int32(0)
        }
        t.method("CopyTo", "void", "System.Array array, int index") { c in
            let target = try argumentArray(c, 0, "array"), start = c.int64(1)
            let source = items(c).items
            guard start >= 0 else { throw DotNetException.outOfRange("index", FrameworkText.needNonNegative) }
            guard start <= Int64(target.items.count) - Int64(source.count) else {
                throw DotNetException.argument("Destination array was not long enough. Check destIndex and length, and the array's lower bounds.")
            }
            for (i, v) in source.enumerated() { target.items[Int(start) + i] = v }
            return .null
        }
        t.staticMethod("IndexOf", "int", "System.Array array, System.Object value") { c in
            .int32(Int32(try argumentArray(c, 0, "array").items.firstIndex { equal($0, c.value(1)) } ?? -1))
        }
        t.staticMethod("IndexOf", "int", "System.Array array, System.Object value, int startIndex") { c in
            let a = try argumentArray(c, 0, "array")
            let start = try index(c, 2, count: a.items.count, name: "startIndex", inclusive: true)
            return .int32(Int32(a.items[start...].firstIndex { equal($0, c.value(1)) } ?? -1))
        }
        t.staticMethod("LastIndexOf", "int", "System.Array array, System.Object value") { c in
            .int32(Int32(try argumentArray(c, 0, "array").items.lastIndex { equal($0, c.value(1)) } ?? -1))
        }
        t.staticMethod("Reverse", "void", "System.Array array") { c in try argumentArray(c, 0, "array").items.reverse(); return .null }
        t.staticMethod("Reverse", "void", "System.Array array, int index, int length") { c in
            let a = try argumentArray(c, 0, "array"), start = c.int64(1), length = c.int64(2)
            guard start >= 0, length >= 0 else {
                throw DotNetException.outOfRange(start < 0 ? "index" : "length", FrameworkText.needNonNegative)
            }
            guard length <= Int64(a.items.count) - start else {
                throw DotNetException.argument("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.")
            }
            a.items[Int(start)..<Int(start + length)].reverse()
            return .null
        }
        t.staticMethod("Sort", "void", "System.Array array") { c in
            let a = try argumentArray(c, 0, "array")
            a.items = sorted(a.items)
            return .null
        }
        t.staticMethod("Clear", "void", "System.Array array, int index, int length") { c in
            let a = try argumentArray(c, 0, "array"), start = c.int64(1), length = c.int64(2)
            guard start >= 0, length >= 0, length <= Int64(a.items.count) - start else { throw DotNetException.indexOutOfRange }
            let zero = c.engine.types.defaultValue(of: a.elementTypeName, engine: c.engine)
            for i in Int(start)..<Int(start + length) { a.items[i] = zero }
            return .null
        }
        let copy: DotNetMethod.Body = { c in
            let fiveArguments = c.args.count == 5
            let source = try argumentArray(c, 0, "sourceArray")
            let target = try argumentArray(c, fiveArguments ? 2 : 1, "destinationArray")
            let sourceIndex = fiveArguments ? c.int64(1) : 0, targetIndex = fiveArguments ? c.int64(3) : 0
            let length = c.int64(fiveArguments ? 4 : 2)
            guard length >= 0 else { throw DotNetException.outOfRange("length", FrameworkText.needNonNegative) }
            guard sourceIndex >= 0 else { throw DotNetException.outOfRange("srcIndex", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.") }
            guard targetIndex >= 0 else { throw DotNetException.outOfRange("dstIndex", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.") }
            guard sourceIndex <= Int64(source.items.count) - length else {
                throw DotNetException.argument("Source array was not long enough. Check srcIndex and length, and the array's lower bounds.")
            }
            guard targetIndex <= Int64(target.items.count) - length else {
                throw DotNetException.argument("Destination array was not long enough. Check destIndex and length, and the array's lower bounds.")
            }
            let slice = Array(source.items[Int(sourceIndex)..<Int(sourceIndex + length)])
            for (i, v) in slice.enumerated() { target.items[Int(targetIndex) + i] = v }
            return .null
        }
        t.staticMethod("Copy", "void", "System.Array sourceArray, System.Array destinationArray, int length", copy)
        t.staticMethod("Copy", "void", "System.Array sourceArray, int sourceIndex, System.Array destinationArray, int destinationIndex, int length", copy)
        t.staticMethod("CreateInstance", "System.Array", "type elementType, int length") { c in
            let element = try c.typeArgument(0)
            guard c.int64(1) >= 0 else { throw DotNetException.outOfRange("length", FrameworkText.needNonNegative) }
            guard c.int64(1) <= 100_000_000 else { throw DotNetException.outOfMemory }
            let zero = c.engine.types.defaultValue(of: element.fullName, engine: c.engine)
            return .array(PSArray(Array(repeating: zero, count: c.int(1)), elementTypeName: element.fullName))
        }
        t.staticMethod("Resize", "void", "System.Management.Automation.PSReference array, int newSize") { c in
            guard case .object(let o as DotNetObject) = c.value(0), let box = o.payload as? ReferenceBox else { return .null }
            guard c.int64(1) >= 0 else { throw DotNetException.outOfRange("newSize", FrameworkText.needNonNegative) }
            guard c.int64(1) <= 100_000_000 else { throw DotNetException.outOfMemory }
            let old = box.get()
            let element: String
            if case .array(let a) = old { element = a.elementTypeName } else { element = "System.Object" }
            var values = old.enumerated ?? []
            let zero = c.engine.types.defaultValue(of: element, engine: c.engine)
            if values.count > c.int(1) { values.removeLast(values.count - c.int(1)) }
            values += Array(repeating: zero, count: c.int(1) - values.count)
            try box.set(.array(PSArray(values, elementTypeName: element)))
            return .null
        }
        t.staticMethod("BinarySearch", "int", "System.Array array, System.Object value") { c in
            let a = try argumentArray(c, 0, "array")
            var lo = 0, hi = a.items.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                let order = Operators.ordering(a.items[mid], c.value(1), caseSensitive: false) ?? 0
                if order == 0 { return .int32(Int32(mid)) }
                if order < 0 { lo = mid + 1 } else { hi = mid - 1 }
            }
            return .int32(~Int32(lo))
        }
        t.converts { value, _, _ in
            if case .array = value { return value }
            return .array(PSArray(value.isNull ? [] : (value.enumerated ?? [value])))
        }
    }

    static let arrayList = DotNetType("System.Collections.ArrayList",
                                      interfaces: ["System.Collections.IList", "System.Collections.ICollection",
                                                   "System.Collections.IEnumerable", "System.ICloneable"]) { t in
        t.constructor { _ in .array(PSArray([], collectionType: "System.Collections.ArrayList")) }
        t.constructor("int capacity") { c in
            guard c.int64(0) >= 0 else { throw DotNetException.outOfRange("capacity", "'capacity' must be non-negative.") }
            return .array(PSArray([], collectionType: "System.Collections.ArrayList"))
        }
        t.constructor("System.Collections.ICollection c") { c in
            .array(PSArray(elements(c.value(0)), collectionType: "System.Collections.ArrayList"))
        }
        t.property("Capacity", "int") { c in .int32(Int32(clamping: max(4, items(c).items.count))) }
        declareList(t, element: "System.Object", addReturnsIndex: true)
        t.converts { value, _, _ in .array(PSArray(elements(value), collectionType: "System.Collections.ArrayList")) }
    }

    static let list = DotNetType("System.Collections.Generic.List`1", interfaces: [
        "System.Collections.IList", "System.Collections.ICollection", "System.Collections.IEnumerable",
        "System.Collections.Generic.IList`1", "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IEnumerable`1",
    ], genericArity: 1) { t in
        let name = "System.Collections.Generic.List`1"
        @Sendable func make(_ c: DotNetCall, _ values: [PSValue]) throws -> PSValue {
            let element = c.typeArguments.first ?? "System.Object"
            var converted: [PSValue] = []
            for v in values {
                do { converted.append(try c.engine.types.convertArgument(v, to: element, engine: c.engine)) } catch {
                    throw DotNetException("System.Management.Automation.PSInvalidCastException", error.message)
                }
            }
            return .array(PSArray(converted, elementTypeName: element, collectionType: genericName(name, c)))
        }
        t.constructor { c in try make(c, []) }
        t.constructor("int capacity") { c in
            guard c.int64(0) >= 0 else { throw DotNetException.outOfRange("capacity", FrameworkText.needNonNegative) }
            return try make(c, [])
        }
        t.constructor("System.Object collection") { c in
            guard !c.value(0).isNull else { throw DotNetException.argumentNull("collection") }
            return try make(c, elements(c.value(0)))
        }
        t.property("Capacity", "int") { c in .int32(Int32(clamping: max(4, items(c).items.count))) }
        declareList(t, element: "T", addReturnsIndex: false)
        t.converts { value, arguments, engine in
            var converted: [PSValue] = []
            let element = arguments.first ?? "System.Object"
            for v in elements(value) { converted.append(try engine.types.convertArgument(v, to: element, engine: engine)) }
            return .array(PSArray(converted, elementTypeName: element, collectionType: GenericName.fullName(name, arguments)))
        }
    }

    static let collection = DotNetType("System.Collections.ObjectModel.Collection`1", interfaces: [
        "System.Collections.IList", "System.Collections.ICollection", "System.Collections.IEnumerable",
        "System.Collections.Generic.IList`1",
    ], genericArity: 1) { t in
        t.constructor { c in
            .array(PSArray([], elementTypeName: c.typeArguments.first ?? "System.Object",
                           collectionType: genericName("System.Collections.ObjectModel.Collection`1", c)))
        }
        declareList(t, element: "T", addReturnsIndex: false)
        // A value or a list converts element by element, as PowerShell converts to any IList<T>.
        t.converts { value, arguments, engine in
            var converted: [PSValue] = []
            let element = arguments.first ?? "System.Object"
            for v in elements(value) { converted.append(try engine.types.convertArgument(v, to: element, engine: engine)) }
            return .array(PSArray(converted, elementTypeName: element,
                                  collectionType: GenericName.fullName("System.Collections.ObjectModel.Collection`1", arguments)))
        }
    }

    static let hashSet = DotNetType("System.Collections.Generic.HashSet`1", interfaces: [
        "System.Collections.ICollection", "System.Collections.IEnumerable", "System.Collections.Generic.ICollection`1",
    ], genericArity: 1) { t in
        @Sendable func make(_ c: DotNetCall, _ values: [PSValue]) -> PSValue {
            var unique: [PSValue] = []
            for v in values where !unique.contains(where: { equal($0, v) }) { unique.append(v) }
            return .array(PSArray(unique, elementTypeName: c.typeArguments.first ?? "System.Object",
                                  collectionType: genericName("System.Collections.Generic.HashSet`1", c)))
        }
        t.constructor { c in make(c, []) }
        t.constructor("System.Object collection") { c in make(c, elements(c.value(0))) }
        t.constructor("System.Collections.IEqualityComparer comparer") { c in make(c, []) }
        t.property("Count", "int") { c in .int32(Int32(clamping: items(c).items.count)) }
        t.method("Add", "bool", "T item") { c in
            let a = items(c)
            if a.items.contains(where: { equal($0, c.value(0)) }) { return .bool(false) }
            a.items.append(c.value(0))
            return .bool(true)
        }
        t.method("Remove", "bool", "T item") { c in
            let a = items(c)
            guard let i = a.items.firstIndex(where: { equal($0, c.value(0)) }) else { return .bool(false) }
            a.items.remove(at: i)
            return .bool(true)
        }
        t.method("Contains", "bool", "T item") { c in .bool(items(c).items.contains { equal($0, c.value(0)) }) }
        t.method("Clear", "void") { c in items(c).items.removeAll(); return .null }
        t.method("UnionWith", "void", "System.Object other") { c in
            let a = items(c)
            for v in elements(c.value(0)) where !a.items.contains(where: { equal($0, v) }) { a.items.append(v) }
            return .null
        }
        t.method("IntersectWith", "void", "System.Object other") { c in
            let other = elements(c.value(0))
            items(c).items.removeAll { v in !other.contains { equal($0, v) } }
            return .null
        }
        t.method("ExceptWith", "void", "System.Object other") { c in
            let other = elements(c.value(0))
            items(c).items.removeAll { v in other.contains { equal($0, v) } }
            return .null
        }
        t.method("IsSubsetOf", "bool", "System.Object other") { c in
            let other = elements(c.value(0))
            return .bool(items(c).items.allSatisfy { v in other.contains { equal($0, v) } })
        }
        t.method("IsSupersetOf", "bool", "System.Object other") { c in
            .bool(elements(c.value(0)).allSatisfy { v in items(c).items.contains { equal($0, v) } })
        }
    }

    static func declareQueue(_ t: DotNetType, element: String, generic: Bool, stack: Bool) {
        let name = t.fullName
        let empty = DotNetException.invalidOperation(stack ? FrameworkText.emptyStack : FrameworkText.emptyQueue)
        t.constructor { c in
            .array(PSArray([], elementTypeName: c.typeArguments.first ?? "System.Object",
                           collectionType: generic ? genericName(name, c) : name))
        }
        t.property("Count", "int") { c in .int32(Int32(clamping: items(c).items.count)) }
        t.method(stack ? "Push" : "Enqueue", "void", "\(element) item") { c in
            guard items(c).items.count < 100_000_000 else { throw DotNetException.outOfMemory }
            if stack { items(c).items.insert(c.value(0), at: 0) } else { items(c).items.append(c.value(0)) }
            return .null
        }
        t.method(stack ? "Pop" : "Dequeue", element) { c in
            guard !items(c).items.isEmpty else { throw empty }
            return items(c).items.removeFirst()
        }
        t.method("Peek", element) { c in
            guard let first = items(c).items.first else { throw empty }
            return first
        }
        t.method("Contains", "bool", "\(element) item") { c in .bool(items(c).items.contains { equal($0, c.value(0)) }) }
        t.method("Clear", "void") { c in items(c).items.removeAll(); return .null }
        t.method("ToArray", "\(element)[]") { c in .array(PSArray(items(c).items, elementTypeName: items(c).elementTypeName)) }
    }

    static let queue = DotNetType("System.Collections.Generic.Queue`1",
                                  interfaces: ["System.Collections.ICollection", "System.Collections.IEnumerable"], genericArity: 1) {
        declareQueue($0, element: "T", generic: true, stack: false)
    }
    static let stack = DotNetType("System.Collections.Generic.Stack`1",
                                  interfaces: ["System.Collections.ICollection", "System.Collections.IEnumerable"], genericArity: 1) {
        declareQueue($0, element: "T", generic: true, stack: true)
    }
    static let queueObject = DotNetType("System.Collections.Queue",
                                        interfaces: ["System.Collections.ICollection", "System.Collections.IEnumerable", "System.ICloneable"]) {
        declareQueue($0, element: "System.Object", generic: false, stack: false)
    }
    static let stackObject = DotNetType("System.Collections.Stack",
                                        interfaces: ["System.Collections.ICollection", "System.Collections.IEnumerable", "System.ICloneable"]) {
        declareQueue($0, element: "System.Object", generic: false, stack: true)
    }

    /// Members Hashtable, OrderedDictionary and Dictionary share.
    static func declareDictionary(_ t: DotNetType, key: String, value: String, generic: Bool) {
        t.property("Count", "int") { c in .int32(Int32(clamping: table(c).count)) }
        t.property("Keys", "System.Collections.ICollection") { c in .array(PSArray(table(c).keys)) }
        t.property("Values", "System.Collections.ICollection") { c in .array(PSArray(table(c).values)) }
        t.property("IsReadOnly", "bool") { _ in .bool(false) }
        t.property("IsFixedSize", "bool") { _ in .bool(false) }
        t.property("IsSynchronized", "bool") { _ in .bool(false) }
        t.property("SyncRoot", "System.Object") { c in c.this }
        t.method("Add", "void", "\(key) key, \(value) value") { c in
            let h = table(c)
            guard !c.value(0).isNull else { throw DotNetException.argumentNull("key") }
            if h.containsKey(c.value(0)) {
                let k = LanguagePrimitives.toString(c.value(0))
                throw DotNetException.argument(generic ? "An item with the same key has already been added."
                                               : "Item has already been added. Key in dictionary: '\(k)'  Key being added: '\(k)'")
            }
            h[c.value(0)] = c.value(1)
            if t.fullName.hasPrefix("System.Collections.Generic.SortedDictionary") { sortKeys(h) }
            return .null
        }
        t.method("Remove", generic ? "bool" : "void", "\(key) key") { c in
            guard !c.value(0).isNull else { throw DotNetException.argumentNull("key") }
            let h = table(c), existed = h.containsKey(c.value(0))
            h[c.value(0)] = nil
            return generic ? .bool(existed) : .null
        }
        t.method("ContainsKey", "bool", "\(key) key") { c in
            guard !c.value(0).isNull else { throw DotNetException.argumentNull("key") }
            return .bool(table(c).containsKey(c.value(0)))
        }
        t.method("ContainsValue", "bool", "\(value) value") { c in .bool(table(c).values.contains { equal($0, c.value(0)) }) }
        t.method("Clear", "void") { c in
            let h = table(c)
            for k in h.keys { h[k] = nil }
            return .null
        }
        t.method("GetEnumerator", "System.Collections.IDictionaryEnumerator") { c in
            .array(PSArray(table(c).entries.map { entryObject($0.0, $0.1) }))
        }
    }

    static func sortKeys(_ h: PSHashtable) {
        let entries = h.entries.map { ($0.0, $0.1) }.sorted { (Operators.ordering($0.0, $1.0, caseSensitive: true) ?? 0) < 0 }
        for (k, _) in entries { h[k] = nil }
        for (k, v) in entries { h[k] = v }
    }

    static let hashtable = DotNetType("System.Collections.Hashtable", aliases: ["hashtable"],
                                      interfaces: ["System.Collections.IDictionary", "System.Collections.ICollection",
                                                   "System.Collections.IEnumerable", "System.ICloneable"]) { t in
        t.constructor { _ in .hashtable(PSHashtable()) }
        t.constructor("int capacity") { c in
            guard c.int64(0) >= 0 else { throw DotNetException.outOfRange("capacity", "Non-negative number required.") }
            return .hashtable(PSHashtable())
        }
        t.constructor("System.Collections.IEqualityComparer equalityComparer") { _ in .hashtable(PSHashtable()) }
        t.constructor("System.Collections.IDictionary d") { c in
            let copy = PSHashtable()
            if case .hashtable(let h) = c.value(0) { for (k, v) in h.entries { copy[k] = v } }
            return .hashtable(copy)
        }
        declareDictionary(t, key: "System.Object", value: "System.Object", generic: false)
        t.method("Contains", "bool", "System.Object key") { c in .bool(table(c).containsKey(c.value(0))) }
        t.method("Clone", "System.Object") { c in
            let copy = PSHashtable(ordered: table(c).isOrdered, collectionType: table(c).collectionType)
            for (k, v) in table(c).entries { copy[k] = v }
            return .hashtable(copy)
        }
    }

    static let orderedDictionary = DotNetType("System.Collections.Specialized.OrderedDictionary", aliases: ["ordered"],
                                              interfaces: ["System.Collections.IDictionary", "System.Collections.ICollection",
                                                           "System.Collections.IEnumerable"]) { t in
        t.constructor { _ in .hashtable(PSHashtable(ordered: true)) }
        declareDictionary(t, key: "System.Object", value: "System.Object", generic: false)
        t.method("Contains", "bool", "System.Object key") { c in .bool(table(c).containsKey(c.value(0))) }
        t.method("Insert", "void", "int index, System.Object key, System.Object value") { c in
            let h = table(c)
            let i = try index(c, 0, count: h.count, inclusive: true)
            let entries = Array(h.entries)
            for (k, _) in entries { h[k] = nil }
            var list = entries.map { ($0.0, $0.1) }
            list.insert((c.value(1), c.value(2)), at: i)
            for (k, v) in list { h[k] = v }
            return .null
        }
        t.method("RemoveAt", "void", "int index") { c in
            let h = table(c)
            h[h.keys[try index(c, 0, count: h.count)]] = nil
            return .null
        }
        t.method("AsReadOnly", "System.Collections.Specialized.OrderedDictionary") { c in c.this }
    }

    static let dictionaryEntry = DotNetType("System.Collections.DictionaryEntry", kind: .valueType) { t in
        t.constructor("System.Object key, System.Object value") { c in entryObject(c.value(0), c.value(1)) }
    }

    static let dictionary = DotNetType("System.Collections.Generic.Dictionary`2", interfaces: [
        "System.Collections.IDictionary", "System.Collections.ICollection", "System.Collections.IEnumerable",
        "System.Collections.Generic.IDictionary`2",
    ], genericArity: 2) { t in
        t.constructor { c in .hashtable(PSHashtable(collectionType: genericName("System.Collections.Generic.Dictionary`2", c))) }
        t.constructor("int capacity") { c in
            guard c.int64(0) >= 0 else { throw DotNetException.outOfRange("capacity", FrameworkText.needNonNegative) }
            return .hashtable(PSHashtable(collectionType: genericName("System.Collections.Generic.Dictionary`2", c)))
        }
        t.constructor("System.Collections.IEqualityComparer comparer") { c in
            .hashtable(PSHashtable(collectionType: genericName("System.Collections.Generic.Dictionary`2", c)))
        }
        declareDictionary(t, key: "TKey", value: "TValue", generic: true)
        t.method("TryGetValue", "bool", "TKey key, System.Management.Automation.PSReference value") { c in
            guard let v = table(c)[c.value(0)] else {
                try c.setReference(1, c.engine.types.defaultValue(of: c.typeArguments.count > 1 ? c.typeArguments[1] : "", engine: c.engine))
                return .bool(false)
            }
            try c.setReference(1, v)
            return .bool(true)
        }
    }

    static let sortedDictionary = DotNetType("System.Collections.Generic.SortedDictionary`2", interfaces: [
        "System.Collections.IDictionary", "System.Collections.ICollection", "System.Collections.IEnumerable",
    ], genericArity: 2) { t in
        t.constructor { c in .hashtable(PSHashtable(collectionType: genericName("System.Collections.Generic.SortedDictionary`2", c))) }
        declareDictionary(t, key: "TKey", value: "TValue", generic: true)
    }

    static let keyValuePair = DotNetType("System.Collections.Generic.KeyValuePair`2", kind: .valueType, genericArity: 2) { t in
        t.constructor("TKey key, TValue value") { c in
            c.make("System.Collections.Generic.KeyValuePair`2", [c.value(0), c.value(1)], typeArguments: c.typeArguments)
        }
        t.property("Key", "TKey") { c in c.payload([PSValue].self)?.first ?? .null }
        t.property("Value", "TValue") { c in c.payload([PSValue].self)?.last ?? .null }
        t.method("ToString", "string") { c in
            let pair = c.payload([PSValue].self) ?? [.null, .null]
            return .string("[\(LanguagePrimitives.toString(pair[0])), \(LanguagePrimitives.toString(pair[1]))]")
        }
    }

    static let nullable = DotNetType("System.Nullable`1", kind: .valueType, genericArity: 1) { t in
        t.converts { value, arguments, engine in
            if value.isNull { return .null }
            return try engine.types.convertArgument(value, to: arguments.first ?? "System.Object", engine: engine)
        }
    }
}
