@main
struct SmbConfigShell {
    static func main() {}
}
