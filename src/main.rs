fn main() {
    jianwen::start();
}
