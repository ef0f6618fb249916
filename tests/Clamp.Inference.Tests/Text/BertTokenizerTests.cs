using Clamp.Inference.Text;

namespace Clamp.Inference.Tests.Text;

public sealed class BertTokenizerTests
{
    private static readonly BertTokenizer Tokenizer = new(MiniLmResources.Default.Vocabulary);

    [Fact]
    public void Splits_punctuation_and_lower_cases()
    {
        Assert.Equal(["hello", ",", "world", "!"], Tokenizer.Tokenize("Hello, World!"));
    }

    [Fact]
    public void Splits_unknown_words_into_word_pieces()
    {
        Assert.Equal(["una", "##ffa", "##ble"], Tokenizer.Tokenize("unaffable"));
    }

    [Fact]
    public void Strips_accents()
    {
        Assert.Equal(Tokenizer.Tokenize("cafe"), Tokenizer.Tokenize("Café"));
        Assert.Equal(Tokenizer.Tokenize("dvorak"), Tokenizer.Tokenize("Dvořák"));
        Assert.DoesNotContain("[UNK]", Tokenizer.Tokenize("Dvořák"));
    }

    [Fact]
    public void Wraps_the_bert_ids_in_cls_and_sep()
    {
        // bert-base-uncased ids: [CLS]=101, hello=7592, ","=1010, world=2088, "!"=999, [SEP]=102.
        Assert.Equal([101, 7592, 1010, 2088, 999, 102], Tokenizer.Encode("Hello, world!"));
    }

    [Fact]
    public void Cuts_long_texts_to_the_token_limit_keeping_sep()
    {
        var ids = new BertTokenizer(MiniLmResources.Default.Vocabulary, maxTokens: 8).Encode(string.Join(' ', Enumerable.Repeat("reel", 50)));

        Assert.Equal(8, ids.Count);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
    }
}
