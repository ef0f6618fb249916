using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Clamp.Torch.Model;

/// <summary>A pre-LayerNorm transformer encoder block: x + attention(LN(x)), then x + FFN(LN(x)) with GELU.</summary>
public sealed class SelfAttentionBlock : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Linear output;
    private readonly LayerNorm norm2;
    private readonly Linear up;
    private readonly Linear down;
    private readonly Dropout dropout;
    private readonly int _heads;

    public SelfAttentionBlock(ModelConfig config) : base(nameof(SelfAttentionBlock))
    {
        _heads = config.Heads;
        norm1 = nn.LayerNorm(config.Hidden);
        query = nn.Linear(config.Hidden, config.Hidden);
        key = nn.Linear(config.Hidden, config.Hidden);
        value = nn.Linear(config.Hidden, config.Hidden);
        output = nn.Linear(config.Hidden, config.Hidden);
        norm2 = nn.LayerNorm(config.Hidden);
        up = nn.Linear(config.Hidden, config.FeedForward);
        down = nn.Linear(config.FeedForward, config.Hidden);
        dropout = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    public int Heads => _heads;
    public LayerNorm Norm1 => norm1;
    public Linear Query => query;
    public Linear Key => key;
    public Linear Value => value;
    public Linear Output => output;
    public LayerNorm Norm2 => norm2;
    public Linear Up => up;
    public Linear Down => down;

    /// <param name="x">[batch, patches, hidden]</param>
    /// <param name="attentionBias">[batch, 1, 1, patches]: 0 for real patches, a large negative number for padding.</param>
    public override Tensor forward(Tensor x, Tensor attentionBias)
    {
        using var scope = NewDisposeScope();
        var batch = x.shape[0];
        var length = x.shape[1];
        var hidden = x.shape[2];
        var headSize = hidden / _heads;

        var h = norm1.forward(x);
        var q = query.forward(h).view(batch, length, _heads, headSize).transpose(1, 2);
        var k = key.forward(h).view(batch, length, _heads, headSize).transpose(1, 2);
        var v = value.forward(h).view(batch, length, _heads, headSize).transpose(1, 2);
        var scores = q.matmul(k.transpose(2, 3)).div(Math.Sqrt(headSize)).add(attentionBias);
        var weights = dropout.forward(scores.softmax(-1));
        var attended = weights.matmul(v).transpose(1, 2).reshape(batch, length, hidden);
        var afterAttention = x.add(dropout.forward(output.forward(attended)));

        var ffn = down.forward(nn.functional.gelu(up.forward(norm2.forward(afterAttention))));
        return afterAttention.add(dropout.forward(ffn)).MoveToOuterDisposeScope();
    }
}
